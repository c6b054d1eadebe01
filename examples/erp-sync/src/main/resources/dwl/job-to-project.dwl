%dw 2.0
import dw::Crypto
output application/java

// One row of the ERP's job export (a CSV row: every value is text) as the Procore project it
// stands for, with a checksum of that project: the sync sends a job again only when it changed.

fun text(value) = trim(value default "")

// The ERP writes dates MM/dd/yyyy; an empty cell is no date. A date that does not read
// (15/03/2026, typed day-first) fails the row, which the sync reports.
fun erpDate(value) = if (isEmpty(text(value))) null else (text(value) as Date {format: "MM/dd/yyyy"})

// "$1,150,000.50" is 1150000.50.
fun money(value) = if (isEmpty(text(value))) null else ((text(value) replace /[$,]/ with "") as Number)

// The ERP writes ISO 3166 alpha-3 country codes; Procore takes alpha-2.
var alpha2 = {USA: "US", CAN: "CA", MEX: "MX"}
fun country(value) = do {
    var code = upper(text(value))
    ---
    alpha2[code] default code
}

var project = {
    name: text(payload.name),
    originId: text(payload.job_number),
    projectNumber: text(payload.job_number),
    active: upper(text(payload.status)) != "CLOSED",
    startDate: erpDate(payload.start_date),
    completionDate: erpDate(payload.end_date),
    totalValue: money(payload.contract_value),
    address: text(payload.site_address),
    city: text(payload.city),
    stateCode: upper(text(payload.state)),
    zip: text(payload.zip),
    countryCode: country(payload.country),
    phone: text(payload.phone),
    description: text(payload.description)
}
---
{
    jobNumber: project.originId,
    project: project,
    checksum: Crypto::SHA1(write(project, "application/json", {indent: false}))
}
