package main

// The connector's project fields for create-project (ProjectField.create, in the manual's order)
// and the coercion of each type (FieldCoercion), with the connector's messages.

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// coercion turns a decoded JSON value into the JSON text Procore gets, or says why it cannot.
type coercion func(value any) (wire string, problem string)

type projectField struct {
	parameter string // the XML parameter (companyId), as messages name it
	json      string // the JSON field of the payload and of Procore's body
	key       string // `"json":`, written once
	text      bool   // a text field keeps "" as given; other types read a blank string as null
	coerce    coercion
}

func field(parameter, jsonName string, coerce coercion) projectField {
	return projectField{parameter: parameter, json: jsonName, key: jsonString(jsonName) + ":", coerce: coerce}
}

func textField(parameter, jsonName string) projectField {
	f := field(parameter, jsonName, coerceText)
	f.text = true
	return f
}

var createFields = []projectField{
	textField("name", "name"), textField("code", "code"), textField("description", "description"),
	field("active", "active", coerceBoolean), textField("projectNumber", "project_number"),
	textField("accountingProjectNumber", "accounting_project_number"), textField("storeNumber", "store_number"),
	textField("designatedMarketArea", "designated_market_area"), textField("address", "address"),
	textField("city", "city"), field("stateCode", "state_code", coerceStateCode),
	field("countryCode", "country_code", coerceCountryCode), textField("zip", "zip"), textField("county", "county"),
	field("latitude", "latitude", coordinate(90)), field("longitude", "longitude", coordinate(180)),
	field("timeZone", "time_zone", coerceTimeZone), field("startDate", "start_date", coerceDate),
	field("completionDate", "completion_date", coerceDate), field("warrantyStartDate", "warranty_start_date", coerceDate),
	field("warrantyEndDate", "warranty_end_date", coerceDate), field("estimatedStartDate", "estimated_start_date", coerceDate),
	field("estimatedCompletionDate", "estimated_completion_date", coerceDate),
	field("totalValue", "total_value", coerceNumber), field("estimatedValue", "estimated_value", coerceNumber),
	field("squareFeet", "square_feet", coerceNumber),
	field("projectTypeId", "project_type_id", coerceID), field("projectStageId", "project_stage_id", coerceID),
	field("projectBidTypeId", "project_bid_type_id", coerceID), field("projectOwnerTypeId", "project_owner_type_id", coerceID),
	field("projectRegionId", "project_region_id", coerceID), field("projectTemplateId", "project_template_id", coerceID),
	field("sector", "sector", enumeration("sector", sectors)),
	field("workScope", "work_scope", enumeration("work_scope", workScopes)),
	field("deliveryMethod", "delivery_method", enumeration("delivery_method", deliveryMethods)),
	field("officeId", "office_id", coerceID), field("programId", "program_id", coerceID),
	field("departmentIds", "department_ids", coerceIDList), field("parentJobId", "parent_job_id", coerceID),
	textField("phone", "phone"), textField("publicNotes", "public_notes"), textField("flag", "flag"),
	field("erpIntegrated", "erp_integrated", coerceBoolean), textField("originId", "origin_id"),
	textField("originData", "origin_data"), textField("originCode", "origin_code"), textField("locale", "locale"),
	field("imageId", "image_id", coerceID),
	field("overrideStartDate", "override_start_date", coerceDate),
	field("overrideStartDateCheck", "override_start_date_check", coerceBoolean),
	field("overrideEndDate", "override_end_date", coerceDate),
	field("overrideEndDateCheck", "override_end_date_check", coerceBoolean),
	field("enableCopyOfStandardCostCodes", "enable_copy_of_standard_cost_codes", coerceBoolean),
}

// --- values as messages show them (ValueDisplay) ------------------------------------------------

func describe(value any) string {
	switch v := value.(type) {
	case string:
		return quoted(v)
	case json.Number:
		if text, ok := canonicalDecimal(string(v)); ok {
			return text
		}
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	case []any:
		return "an Array"
	default:
		return "an Object"
	}
}

func quoted(text string) string {
	if utf8.RuneCountInString(text) <= 60 {
		return "'" + text + "'"
	}
	runes := []rune(text)
	return "'" + string(runes[:60]) + "…'"
}

func jsonString(text string) string {
	encoded, _ := json.Marshal(text)
	return string(encoded)
}

func isBlankRune(r rune) bool { return r == '\t' || unicode.Is(unicode.Zs, r) }

func trimBlanks(text string) string { return strings.TrimFunc(text, isBlankRune) }

// isBlank: an empty or blank string, which means "no value" for a field that is not text.
func isBlank(value any) bool {
	text, ok := value.(string)
	return ok && trimBlanks(text) == ""
}

// --- numbers, exactly ---------------------------------------------------------------------------

// canonicalDecimal is the plain decimal text of a JSON number (`1.50` → `1.5`, `1e3` → `1000`,
// `-0` → `0`), computed on the digits, never through a float64; false when the text is not a JSON
// number or its scale is beyond what a decimal type carries (±128, as Conduit's Decimal).
func canonicalDecimal(text string) (string, bool) {
	i, n := 0, len(text)
	negative := false
	if i < n && text[i] == '-' {
		negative = true
		i++
	}
	start := i
	for i < n && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	whole := text[start:i]
	if whole == "" || (len(whole) > 1 && whole[0] == '0') {
		return "", false
	}
	fraction := ""
	if i < n && text[i] == '.' {
		i++
		start = i
		for i < n && text[i] >= '0' && text[i] <= '9' {
			i++
		}
		fraction = text[start:i]
		if fraction == "" {
			return "", false
		}
	}
	exponent := 0
	if i < n && (text[i] == 'e' || text[i] == 'E') {
		i++
		exponentNegative := false
		if i < n && (text[i] == '+' || text[i] == '-') {
			exponentNegative = text[i] == '-'
			i++
		}
		start = i
		for i < n && text[i] >= '0' && text[i] <= '9' {
			if exponent > 10000 {
				return "", false
			}
			exponent = exponent*10 + int(text[i]-'0')
			i++
		}
		if i == start {
			return "", false
		}
		if exponentNegative {
			exponent = -exponent
		}
	}
	if i != n {
		return "", false
	}
	if fraction == "" && exponent == 0 {
		// The common case: a plain integer is its own canonical text.
		if negative && whole == "0" {
			return "0", true
		}
		return text, true
	}
	digits := whole + fraction
	point := len(whole) + exponent
	trimmed := strings.TrimLeft(digits, "0")
	point -= len(digits) - len(trimmed)
	digits = strings.TrimRight(trimmed, "0")
	if digits == "" {
		return "0", true
	}
	if scale := point - len(digits); scale < -128 || scale > 127 {
		return "", false
	}
	var b strings.Builder
	if negative {
		b.WriteByte('-')
	}
	switch {
	case point <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -point))
		b.WriteString(digits)
	case point >= len(digits):
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", point-len(digits)))
	default:
		b.WriteString(digits[:point])
		b.WriteByte('.')
		b.WriteString(digits[point:])
	}
	return b.String(), true
}

// isJSONNumberText: the strict JSON number syntax the connector reads numeric strings with
// (at most three exponent digits).
func isJSONNumberText(text string) bool {
	i, n := 0, len(text)
	if i < n && text[i] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for i < n && text[i] >= '0' && text[i] <= '9' {
			i++
		}
		return i - start
	}
	intStart := i
	if count := digits(); count == 0 || (count > 1 && text[intStart] == '0') {
		return false
	}
	if i < n && text[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < n && (text[i] == 'e' || text[i] == 'E') {
		i++
		if i < n && (text[i] == '+' || text[i] == '-') {
			i++
		}
		if count := digits(); count == 0 || count > 3 {
			return false
		}
	}
	return i == n
}

// numberWire is the plain text of a number or a numeric string.
func numberWire(value any) (string, bool) {
	switch v := value.(type) {
	case json.Number:
		return canonicalDecimal(string(v))
	case string:
		trimmed := trimBlanks(v)
		if !isJSONNumberText(trimmed) {
			return "", false
		}
		return canonicalDecimal(trimmed)
	}
	return "", false
}

// --- the coercions ------------------------------------------------------------------------------

func coerceText(value any) (string, string) {
	switch v := value.(type) {
	case string:
		return jsonString(v), ""
	case json.Number:
		if text, ok := canonicalDecimal(string(v)); ok {
			return jsonString(text), ""
		}
	case bool:
		return `"` + strconv.FormatBool(v) + `"`, ""
	}
	return "", "expected text, got " + describe(value)
}

func coerceBoolean(value any) (string, string) {
	switch v := value.(type) {
	case bool:
		return strconv.FormatBool(v), ""
	case string:
		if word := strings.ToLower(trimBlanks(v)); word == "true" || word == "false" {
			return word, ""
		}
	}
	return "", describe(value) + " is not a boolean (expected true or false)"
}

func coerceNumber(value any) (string, string) {
	if wire, ok := numberWire(value); ok {
		return wire, ""
	}
	if text, ok := value.(string); ok {
		return "", quoted(text) + " is not a number"
	}
	return "", "expected a number, got " + describe(value)
}

// idDigits is the id's digits when value is a positive whole number below 2^63.
func idDigits(value any) (string, bool) {
	var digits string
	switch v := value.(type) {
	case json.Number:
		text, ok := canonicalDecimal(string(v))
		if !ok {
			return "", false
		}
		digits = text
	case string:
		digits = trimBlanks(v)
		if digits == "" || strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return "", false
		}
	default:
		return "", false
	}
	id, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || id <= 0 {
		return "", false
	}
	return strconv.FormatInt(id, 10), true
}

func notAnID(value any) string {
	return describe(value) + " is not a Procore id (expected a positive whole number)"
}

func coerceID(value any) (string, string) {
	if digits, ok := idDigits(value); ok {
		return digits, ""
	}
	return "", notAnID(value)
}

func coerceIDList(value any) (string, string) {
	switch v := value.(type) {
	case []any:
		var b strings.Builder
		b.WriteByte('[')
		for i, item := range v {
			digits, ok := idDigits(item)
			if !ok {
				return "", "element " + strconv.Itoa(i+1) + ": " + notAnID(item)
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(digits)
		}
		b.WriteByte(']')
		return b.String(), ""
	case json.Number, string:
		wire, problem := coerceID(value)
		if problem != "" {
			return "", problem
		}
		return "[" + wire + "]", ""
	}
	return "", "expected a list of Procore ids, got " + describe(value)
}

var daysInMonth = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func coerceDate(value any) (string, string) {
	text, ok := value.(string)
	if !ok {
		return "", "expected a date written YYYY-MM-DD, got " + describe(value)
	}
	if len(text) != 10 || text[4] != '-' || text[7] != '-' {
		return "", quoted(text) + " is not a date (expected YYYY-MM-DD)"
	}
	number := func(part string) int {
		n := 0
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return -1
			}
			n = n*10 + int(part[i]-'0')
		}
		return n
	}
	year, month, day := number(text[:4]), number(text[5:7]), number(text[8:])
	if year < 0 || month < 0 || day < 0 {
		return "", quoted(text) + " is not a date (expected YYYY-MM-DD)"
	}
	if year < 1 || month < 1 || month > 12 || day < 1 || day > days(month, year) {
		return "", quoted(text) + " is not a real calendar date (expected YYYY-MM-DD)"
	}
	return jsonString(text), ""
}

func days(month, year int) int {
	if month == 2 && ((year%4 == 0 && year%100 != 0) || year%400 == 0) {
		return 29
	}
	return daysInMonth[month-1]
}

func coerceCountryCode(value any) (string, string) {
	if text, ok := value.(string); ok {
		upper := strings.ToUpper(text)
		if _, known := countryCodes[upper]; known {
			return `"` + upper + `"`, ""
		}
	}
	return "", describe(value) + " is not an ISO-3166 alpha-2 country code (for example 'US')"
}

func coerceStateCode(value any) (string, string) {
	if text, ok := value.(string); ok && len(text) >= 1 && len(text) <= 3 {
		alphanumeric := true
		for i := 0; i < len(text); i++ {
			c := text[i]
			alphanumeric = alphanumeric && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		}
		if alphanumeric {
			return `"` + strings.ToUpper(text) + `"`, ""
		}
	}
	return "", describe(value) + " is not a state code (expected 1 to 3 letters or digits, for example 'CA')"
}

func coordinate(limit int) coercion {
	bound := strconv.Itoa(limit)
	return func(value any) (string, string) {
		wire, problem := coerceNumber(value)
		if problem != "" {
			return "", problem
		}
		if !withinMagnitude(wire, bound) {
			return "", describe(value) + " is out of range (expected a number from -" + bound + " to " + bound + ")"
		}
		return wire, ""
	}
}

// withinMagnitude: whether the plain decimal text lies within ±bound (whole), compared as text.
func withinMagnitude(text, bound string) bool {
	magnitude := strings.TrimPrefix(text, "-")
	whole, fraction, _ := strings.Cut(magnitude, ".")
	if len(whole) != len(bound) {
		return len(whole) < len(bound)
	}
	if whole != bound {
		return whole < bound
	}
	return strings.Trim(fraction, "0") == ""
}

var singleWordZones = map[string]struct{}{
	"UTC": {}, "GMT": {}, "UCT": {}, "Universal": {}, "Zulu": {}, "Greenwich": {}, "EST": {}, "MST": {}, "HST": {},
	"EST5EDT": {}, "CST6CDT": {}, "MST7MDT": {}, "PST8PDT": {}, "CET": {}, "EET": {}, "MET": {}, "WET": {},
}

// zoneAnswers remembers which names the zone database has (bounded: names come from requests).
var zoneAnswers = struct {
	sync.RWMutex
	known map[string]bool
}{known: map[string]bool{}}

func wellFormedZone(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for _, segment := range strings.Split(name, "/") {
		if segment == "" || segment[0] < 'A' || segment[0] > 'Z' {
			return false
		}
		for i := 0; i < len(segment); i++ {
			c := segment[i]
			if !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+') {
				return false
			}
		}
	}
	return true
}

// knownZone: whether the system's IANA database (/usr/share/zoneinfo) has a zone named name.
func knownZone(name string) bool {
	if _, ok := singleWordZones[name]; ok {
		return true
	}
	if !wellFormedZone(name) {
		return false
	}
	zoneAnswers.RLock()
	known, seen := zoneAnswers.known[name]
	zoneAnswers.RUnlock()
	if seen {
		return known
	}
	known = false
	if file, err := os.Open("/usr/share/zoneinfo/" + name); err == nil {
		magic := make([]byte, 4)
		n, _ := file.Read(magic)
		known = n == 4 && string(magic) == "TZif"
		file.Close()
	}
	zoneAnswers.Lock()
	if len(zoneAnswers.known) >= 1024 {
		zoneAnswers.known = map[string]bool{}
	}
	zoneAnswers.known[name] = known
	zoneAnswers.Unlock()
	return known
}

func coerceTimeZone(value any) (string, string) {
	if text, ok := value.(string); ok && knownZone(text) {
		return jsonString(text), ""
	}
	return "", describe(value) + " is not an IANA time zone (for example 'America/Los_Angeles')"
}

func enumeration(name string, allowed []string) coercion {
	set := make(map[string]struct{}, len(allowed))
	for _, word := range allowed {
		set[word] = struct{}{}
	}
	return func(value any) (string, string) {
		text, isText := value.(string)
		if _, ok := set[text]; isText && ok {
			return jsonString(text), ""
		}
		reason := describe(value) + " is not a valid " + name
		normalized := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(trimBlanks(text)))
		if _, ok := set[normalized]; isText && ok {
			reason += " (did you mean '" + normalized + "'?)"
		} else if len(allowed) <= 10 {
			reason += " (expected one of " + strings.Join(allowed, ", ") + ")"
		} else {
			reason += " (expected one of Procore's " + strconv.Itoa(len(allowed)) + " " + name + " values, for example '" + allowed[0] + "')"
		}
		return "", reason
	}
}
