/// The words Procore accepts for its enumerated project fields (procore-api §6).
package enum ProjectEnumerations {
    /// The values of the enumeration called `name` (`sector`, `work_scope`, `delivery_method`),
    /// in Procore's order; empty for an unknown name.
    package static func values(of name: String) -> [String] {
        switch name {
        case "sector": sector
        case "work_scope": workScope
        case "delivery_method": deliveryMethod
        default: []
        }
    }

    /// `work_scope` values.
    package static let workScope: [String] = [
        "new_construction", "renovation_alteration", "maintenance_service",
    ]

    /// `delivery_method` values.
    package static let deliveryMethod: [String] = [
        "construction_management_at_risk_cmar", "construction_manager_as_agent_owners_rep", "design_bid_build_dbb",
        "design_build_db", "indefinite_delivery_indefinite_quantity_idiq", "integrated_project_delivery",
        "multi_prime", "public_private_partnership_p3", "other",
    ]

    /// `sector` values (163 of them).
    package static let sector: [String] = [
        "agriculture", "airport", "alcohol_establishment", "amusement_park", "animal_health_veterinary",
        "animal_lodging", "assembly", "auto_parts_store", "auto_service", "auto_vehicle_terminal",
        "automobile_retail", "aviation", "bank", "bar_tavern", "battery_energy_storage",
        "behavioral_health", "big_box_store", "bowling_alley", "brewery", "bridges",
        "business_park", "campground", "car_wash", "casino", "casino_hotel",
        "cemetery", "city_hall_operations", "civil_infrastructure", "college_university", "commercial",
        "convenience_store", "convention_center", "courthouse", "cultural", "dam",
        "data_center", "daycare_pre_k", "dealership", "death", "dental",
        "department_store", "distillery", "distribution_warehouse", "district_operations", "drug_store",
        "dry_storage", "educational", "electrical_substation", "elementary_school", "energy",
        "energy_distribution", "energy_production", "energy_storage", "entertainment", "entertainment_production",
        "environmentally_controlled", "event_space", "fast_food_restaurant", "fire_station", "funeral_home",
        "gas_station", "golf", "government", "government_buildings", "grocery_store",
        "gym_athletic_studio", "hangar", "hazardous_storage", "health_care", "high_school",
        "hospital", "hospitality", "hotel", "hydro_power", "individual_space",
        "indoor", "industrial", "institutional", "jail_prison", "k_12",
        "library", "liquor_store", "lodging", "manufacturing", "medical_center",
        "medical_office_building_mob", "middle_school", "military_naval", "miscellaneous_pavement", "mixed_use",
        "movie_theater", "multifamily", "museum", "nuclear_power_plant", "office",
        "office_retail", "oil_gas_mining", "outdoor", "outpatient_care", "park",
        "parking_garage", "parking_lot", "performing_arts", "personal_service", "pipe_line",
        "playground", "police_station", "pool_swim_facility", "post_office", "production",
        "psychiatric_hospital", "public_safety", "race_track", "railway_terminal", "railways",
        "recreation", "rehab_facility", "religious_institution", "research_development", "reservoir",
        "residential", "residential_office_retail", "residential_retail", "restaurant", "retail",
        "roads_highways", "runway_taxiway", "rv_park", "self_storage", "senior_housing",
        "sewer_systems", "shopping_center_mall", "sidewalk_walkways", "single_family", "solar_power",
        "specialist_office", "specialty_store", "sports_courts", "sports_fields", "stadium_arena",
        "storage", "street_lights", "student_housing", "telecommunication", "telecommunication_lines",
        "terminal", "trailer_park", "transportation", "transportation_terminals", "tunnel",
        "urgent_care", "waste_collection", "waste_infrastructure", "waste_processing", "waste_water",
        "water_distribution", "water_infrastructure", "water_retention", "water_treatment_plant_wwtp", "wind_power",
        "winery", "winter_sports", "zoo_aquarium",
    ]
}
