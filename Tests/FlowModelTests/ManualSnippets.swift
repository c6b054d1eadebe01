/// The connector manual's XML snippets and properties, verbatim (copied from
/// `procore-connector-manual.txt`), for the acceptance test that each validates cleanly.
enum ManualSnippets {
    static let properties = """
# HTTP Listener Configuration
http.listener.host=0.0.0.0
http.listener.port=8081

# Procore OAuth Configuration
procore.config.oauth.consumer_key=your-consumer-key
procore.config.oauth.consumer_secret=your-consumer-secret
procore.config.oauth.callback_path=/mule/callback
procore.config.oauth.authorize_path=/authorize-procore
procore.config.oauth.external_callback_path=http://localhost:8081/mule/callback
"""

    static let listenerConfig = """
<http:listener-config name="HTTP_Listener_config" doc:name="HTTP Listener config">
 <http:listener-connection host="${http.listener.host}" port="${http.listener.port}"
/>
</http:listener-config>
"""

    static let procoreConfig = """
<procore:config name="Procore_Config" doc:name="Procore Config" doc:id="8c4f73ce-b817-
4f65-8eae-c6d04dbd53b4">
 <procore:connection >
 <procore:oauth-authorization-code
 consumerKey="${procore.config.oauth.consumer_key}"
 consumerSecret="${procore.config.oauth.consumer_secret}"
 />
 <procore:oauth-callback-config
 listenerConfig="HTTP_Listener_config"
 callbackPath="${procore.config.oauth.callback_path}"
 authorizePath="${procore.config.oauth.authorize_path}"
 externalCallbackUrl="${procore.config.oauth.external_callback_path}"
 />
 </procore:connection>
</procore:config>
"""

    static let procoreConfigStep2 = """
<procore:config name="Procore_Config" doc:name="Procore Config">
 <procore:connection>
 <procore:oauth-authorization-code
 consumerKey="${procore.config.oauth.consumer_key}"
 consumerSecret="${procore.config.oauth.consumer_secret}"/>
 <procore:oauth-callback-config
 listenerConfig="HTTP_Listener_config"
 callbackPath="/mule/callback"
 authorizePath="/authorize-procore"
 externalCallbackUrl="http://localhost:8081/mule/callback" />
 </procore:connection>
</procore:config>
"""

    static let createProject = """
<procore:create-project
 doc:name="Create Project"
 doc:id="a381945f-95c0-480e-87ed-01528b64e818"
 config-ref="Procore_Config"
 companyId="#[payload.company_id]"
 name="#[payload.name]"
 address="#[payload.address]"
 city="#[payload.city]"
 stateCode="#[payload.state_code]"
 countryCode="#[payload.country_code]"
 zip="#[payload.zip]"
 latitude="#[payload.latitude]"
 longitude="#[payload.longitude]"
 startDate="#[payload.start_date]"
 completionDate="#[payload.completion_date]"
 warrantyStartDate="#[payload.warranty_start_date]"
 warrantyEndDate="#[payload.warranty_end_date]"
 code="#[payload.code]"
 description="#[payload.description]"
 totalValue="#[payload.total_value]"
 estimatedValue="#[payload.estimated_value]"
 estimatedStartDate="#[payload.estimated_start_date]"
 estimatedCompletionDate="#[payload.estimated_completion_date]"
 squareFeet="#[payload.square_feet]"
 phone="#[payload.phone]"
 projectNumber="#[payload.project_number]"
 storeNumber="#[payload.store_number]"
 accountingProjectNumber="#[payload.accounting_project_number]"
 locale="#[payload.locale]"
 timeZone="#[payload.time_zone]"
 officeId="#[payload.office_id]"
 parentJobId="#[payload.parent_job_id]"
 programId="#[payload.program_id]"
 projectStageId="#[payload.project_stage_id]"
 projectBidTypeId="#[payload.project_bid_type_id]"
 projectTypeId="#[payload.project_type_id]"
 projectOwnerTypeId="#[payload.project_owner_type_id]"
 projectRegionId="#[payload.project_region_id]"
 projectTemplateId="#[payload.project_template_id]"
 imageId="#[payload.image_id]"
 flag="#[payload.flag]"
 publicNotes="#[payload.public_notes]"
 departmentIds="#[payload.department_ids]"
 originId="#[payload.origin_id]"
 originData="#[payload.origin_data]"
 designatedMarketArea="#[payload.designated_market_area]"
 sector="#[payload.sector]"
 workScope="#[payload.work_scope]"
 deliveryMethod="#[payload.delivery_method]"
 active="#[payload.active]"
 erpIntegrated="#[payload.erp_integrated]"
 enableCopyOfStandardCostCodes="#[payload.enable_copy_of_standard_cost_codes]"
 originCode="#[payload.origin_code]"
 overrideStartDate="#[payload.override_start_date]"
 overrideStartDateCheck="#[payload.override_start_date_check]"
 overrideEndDate="#[payload.override_end_date]"
 overrideEndDateCheck="#[payload.override_end_date_check]"
/>
"""

    static let updateProject = """
<procore:update-project doc:name="Update Project"
 doc:id="3e28c0b7-77af-4a97-a809-a4a6a63d7bd7"
 config-ref="Procore_Config"
 companyId="#[payload.company_id]"
 name="#[payload.name]"
 active="false"
 address="#[payload.address]"
 city="#[payload.city]"
 countryCode="#[payload.country_code]"
 description="#[payload.description]"
 startDate="#[payload.start_date]"
 completionDate="#[payload.completion_date]"
 totalValue="#[payload.total_value]"
 warrantyStartDate="#[payload.warranty_start_date]"
 warrantyEndDate="#[payload.warranty_end_date]"
 flag="#[payload.flag]"
 locale="#[payload.locale]"
 phone="#[payload.phone]"
 fax="#[payload.fax]"
 publicNotes="#[payload.public_notes]"
 projectStageId="#[payload.project_stage_id]"
 squareFeet="#[payload.square_feet]"
 stateCode="#[payload.state_code]"
 timeZone="#[payload.time_zone]"
 zip="#[payload.zip]"
 parentJobId="#[payload.parent_job_id]"
 projectBidTypeId="#[payload.project_bid_type_id]"
 projectOwnerTypeId="#[payload.project_owner_type_id]"
 projectRegionId="#[payload.project_region_id]"
 originId="#[payload.origin_id]"
 originData="#[payload.origin_data]"
 originCode="#[payload.origin_code]"
 sector="#[payload.sector]"
 workScope="#[payload.work_scope]"
 deliveryMethod="#[payload.delivery_method]"
 projectTemplateId="#[payload.project_template_id]"
 projectNumber="#[payload.project_number]"
 programId="#[payload.program_id]"
 storeNumber="#[payload.store_number]"
 accountingProjectNumber="#[payload.accounting_project_number]"
 designatedMarketArea="#[payload.designated_market_area]"
 estimatedValue="#[payload.estimated_value]"
 estimatedStartDate="#[payload.estimated_start_date]"
 estimatedCompletionDate="#[payload.estimated_completion_date]"
 projectTypeId="#[payload.project_type_id]"
 imageId="#[payload.image_id]"
 officeId="#[payload.office_id]"
 projectId="#[payload.project_id]"
 county="#[payload.county]"
 standardCostCodeListId="#[payload.standard_cost_code_list_id]"
 departmentIds="#[payload.department_ids]"
/>
"""
}
