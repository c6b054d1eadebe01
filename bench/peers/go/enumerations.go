package main

// Procore's enumerated project words (ProjectEnumerations) and ISO-3166 country codes (CountryCodes).

import "strings"

var workScopes = []string{"new_construction", "renovation_alteration", "maintenance_service"}

var deliveryMethods = []string{
	"construction_management_at_risk_cmar", "construction_manager_as_agent_owners_rep", "design_bid_build_dbb",
	"design_build_db", "indefinite_delivery_indefinite_quantity_idiq", "integrated_project_delivery",
	"multi_prime", "public_private_partnership_p3", "other",
}

var sectors = strings.Fields(`
	agriculture airport alcohol_establishment amusement_park animal_health_veterinary
	animal_lodging assembly auto_parts_store auto_service auto_vehicle_terminal
	automobile_retail aviation bank bar_tavern battery_energy_storage
	behavioral_health big_box_store bowling_alley brewery bridges
	business_park campground car_wash casino casino_hotel
	cemetery city_hall_operations civil_infrastructure college_university commercial
	convenience_store convention_center courthouse cultural dam
	data_center daycare_pre_k dealership death dental
	department_store distillery distribution_warehouse district_operations drug_store
	dry_storage educational electrical_substation elementary_school energy
	energy_distribution energy_production energy_storage entertainment entertainment_production
	environmentally_controlled event_space fast_food_restaurant fire_station funeral_home
	gas_station golf government government_buildings grocery_store
	gym_athletic_studio hangar hazardous_storage health_care high_school
	hospital hospitality hotel hydro_power individual_space
	indoor industrial institutional jail_prison k_12
	library liquor_store lodging manufacturing medical_center
	medical_office_building_mob middle_school military_naval miscellaneous_pavement mixed_use
	movie_theater multifamily museum nuclear_power_plant office
	office_retail oil_gas_mining outdoor outpatient_care park
	parking_garage parking_lot performing_arts personal_service pipe_line
	playground police_station pool_swim_facility post_office production
	psychiatric_hospital public_safety race_track railway_terminal railways
	recreation rehab_facility religious_institution research_development reservoir
	residential residential_office_retail residential_retail restaurant retail
	roads_highways runway_taxiway rv_park self_storage senior_housing
	sewer_systems shopping_center_mall sidewalk_walkways single_family solar_power
	specialist_office specialty_store sports_courts sports_fields stadium_arena
	storage street_lights student_housing telecommunication telecommunication_lines
	terminal trailer_park transportation transportation_terminals tunnel
	urgent_care waste_collection waste_infrastructure waste_processing waste_water
	water_distribution water_infrastructure water_retention water_treatment_plant_wwtp wind_power
	winery winter_sports zoo_aquarium`)

var countryCodes = func() map[string]struct{} {
	set := map[string]struct{}{}
	for _, code := range strings.Fields(`
		AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
		CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
		GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
		KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
		MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM
		PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
		SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
		UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`) {
		set[code] = struct{}{}
	}
	return set
}()
