'use strict';
// A hand-written peer of Conduit's main job, the way a Node engineer would write the service with
// the standard library only: `POST /projects` with the manual's create-project payload → validate
// and coerce every project field with the connector's rules and messages → `POST
// /rest/v1.0/projects` to Procore with a bearer token, `Procore-Company-Id` and a fresh
// `Idempotency-Token` → parse Procore's 201 answer → one INFO line → 201 with the project.
//
// One worker per core (node:cluster), a keep-alive agent per worker for the upstream, the body
// decoded once. Ids stay exact: JSON.parse reads every number as a double, so a body holding a
// number token that a double cannot carry exactly (16 or more digits, an exponent, or a value
// below 1e-5) is read by a small exact parser instead, which keeps each number's source text;
// coerced values are kept as JSON text (ids as their digits, checked against 2^63 - 1 with BigInt
// only when they have 19 digits), so no id or decimal goes through a double on the way out.
// Procore's answer is parsed (for the log line, exactly, the same way) and passed on as received.
//
// Usage: node server.js [--port 8081] [--host 127.0.0.1] [--upstream http://127.0.0.1:8082]
//                       [--token TOKEN] [--workers N] [--max-sockets 64]
// or the environment: PORT, HOST, PROCORE_BASE_URL, PROCORE_TOKEN, WORKERS, MAX_SOCKETS.
const cluster = require('node:cluster');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');

// --- configuration --------------------------------------------------------------------------------
function option(name, env, fallback) {
    const index = process.argv.indexOf(`--${name}`);
    if (index > 0 && index + 1 < process.argv.length) return process.argv[index + 1];
    return process.env[env] ?? fallback;
}
const config = {
    port: Number(option('port', 'PORT', '8081')),
    host: option('host', 'HOST', '127.0.0.1'),
    upstream: new URL(option('upstream', 'PROCORE_BASE_URL', 'http://127.0.0.1:8082')),
    token: option('token', 'PROCORE_TOKEN', ''),
    workers: Number(option('workers', 'WORKERS', String(os.availableParallelism()))),
    maxSockets: Number(option('max-sockets', 'MAX_SOCKETS', '64')),
};
const MAX_BODY_BYTES = 1 << 20;
const PROJECTS_PATH = '/rest/v1.0/projects';

// --- the connector's field table (ProjectField.create, in the manual's order) ---------------------
const SECTOR = [
    'agriculture', 'airport', 'alcohol_establishment', 'amusement_park', 'animal_health_veterinary',
    'animal_lodging', 'assembly', 'auto_parts_store', 'auto_service', 'auto_vehicle_terminal',
    'automobile_retail', 'aviation', 'bank', 'bar_tavern', 'battery_energy_storage',
    'behavioral_health', 'big_box_store', 'bowling_alley', 'brewery', 'bridges',
    'business_park', 'campground', 'car_wash', 'casino', 'casino_hotel',
    'cemetery', 'city_hall_operations', 'civil_infrastructure', 'college_university', 'commercial',
    'convenience_store', 'convention_center', 'courthouse', 'cultural', 'dam',
    'data_center', 'daycare_pre_k', 'dealership', 'death', 'dental',
    'department_store', 'distillery', 'distribution_warehouse', 'district_operations', 'drug_store',
    'dry_storage', 'educational', 'electrical_substation', 'elementary_school', 'energy',
    'energy_distribution', 'energy_production', 'energy_storage', 'entertainment', 'entertainment_production',
    'environmentally_controlled', 'event_space', 'fast_food_restaurant', 'fire_station', 'funeral_home',
    'gas_station', 'golf', 'government', 'government_buildings', 'grocery_store',
    'gym_athletic_studio', 'hangar', 'hazardous_storage', 'health_care', 'high_school',
    'hospital', 'hospitality', 'hotel', 'hydro_power', 'individual_space',
    'indoor', 'industrial', 'institutional', 'jail_prison', 'k_12',
    'library', 'liquor_store', 'lodging', 'manufacturing', 'medical_center',
    'medical_office_building_mob', 'middle_school', 'military_naval', 'miscellaneous_pavement', 'mixed_use',
    'movie_theater', 'multifamily', 'museum', 'nuclear_power_plant', 'office',
    'office_retail', 'oil_gas_mining', 'outdoor', 'outpatient_care', 'park',
    'parking_garage', 'parking_lot', 'performing_arts', 'personal_service', 'pipe_line',
    'playground', 'police_station', 'pool_swim_facility', 'post_office', 'production',
    'psychiatric_hospital', 'public_safety', 'race_track', 'railway_terminal', 'railways',
    'recreation', 'rehab_facility', 'religious_institution', 'research_development', 'reservoir',
    'residential', 'residential_office_retail', 'residential_retail', 'restaurant', 'retail',
    'roads_highways', 'runway_taxiway', 'rv_park', 'self_storage', 'senior_housing',
    'sewer_systems', 'shopping_center_mall', 'sidewalk_walkways', 'single_family', 'solar_power',
    'specialist_office', 'specialty_store', 'sports_courts', 'sports_fields', 'stadium_arena',
    'storage', 'street_lights', 'student_housing', 'telecommunication', 'telecommunication_lines',
    'terminal', 'trailer_park', 'transportation', 'transportation_terminals', 'tunnel',
    'urgent_care', 'waste_collection', 'waste_infrastructure', 'waste_processing', 'waste_water',
    'water_distribution', 'water_infrastructure', 'water_retention', 'water_treatment_plant_wwtp', 'wind_power',
    'winery', 'winter_sports', 'zoo_aquarium',
];
const ENUMERATIONS = {
    sector: SECTOR,
    work_scope: ['new_construction', 'renovation_alteration', 'maintenance_service'],
    delivery_method: [
        'construction_management_at_risk_cmar', 'construction_manager_as_agent_owners_rep', 'design_bid_build_dbb',
        'design_build_db', 'indefinite_delivery_indefinite_quantity_idiq', 'integrated_project_delivery',
        'multi_prime', 'public_private_partnership_p3', 'other',
    ],
};
const ENUMERATION_SETS = Object.fromEntries(Object.entries(ENUMERATIONS).map(([k, v]) => [k, new Set(v)]));
const COUNTRY_CODES = new Set((
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM ' +
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '));

// [parameter, json field, type]; the type's coercion is in COERCE below.
const FIELDS = [
    ['name', 'name', 'string'], ['code', 'code', 'string'], ['description', 'description', 'string'],
    ['active', 'active', 'boolean'], ['projectNumber', 'project_number', 'string'],
    ['accountingProjectNumber', 'accounting_project_number', 'string'], ['storeNumber', 'store_number', 'string'],
    ['designatedMarketArea', 'designated_market_area', 'string'], ['address', 'address', 'string'],
    ['city', 'city', 'string'], ['stateCode', 'state_code', 'stateCode'], ['countryCode', 'country_code', 'countryCode'],
    ['zip', 'zip', 'string'], ['county', 'county', 'string'], ['latitude', 'latitude', 'latitude'],
    ['longitude', 'longitude', 'longitude'], ['timeZone', 'time_zone', 'timeZone'], ['startDate', 'start_date', 'date'],
    ['completionDate', 'completion_date', 'date'], ['warrantyStartDate', 'warranty_start_date', 'date'],
    ['warrantyEndDate', 'warranty_end_date', 'date'], ['estimatedStartDate', 'estimated_start_date', 'date'],
    ['estimatedCompletionDate', 'estimated_completion_date', 'date'], ['totalValue', 'total_value', 'number'],
    ['estimatedValue', 'estimated_value', 'number'], ['squareFeet', 'square_feet', 'number'],
    ['projectTypeId', 'project_type_id', 'id'], ['projectStageId', 'project_stage_id', 'id'],
    ['projectBidTypeId', 'project_bid_type_id', 'id'], ['projectOwnerTypeId', 'project_owner_type_id', 'id'],
    ['projectRegionId', 'project_region_id', 'id'], ['projectTemplateId', 'project_template_id', 'id'],
    ['sector', 'sector', 'sector'], ['workScope', 'work_scope', 'work_scope'],
    ['deliveryMethod', 'delivery_method', 'delivery_method'], ['officeId', 'office_id', 'id'],
    ['programId', 'program_id', 'id'], ['departmentIds', 'department_ids', 'idList'],
    ['parentJobId', 'parent_job_id', 'id'], ['phone', 'phone', 'string'], ['publicNotes', 'public_notes', 'string'],
    ['flag', 'flag', 'string'], ['erpIntegrated', 'erp_integrated', 'boolean'], ['originId', 'origin_id', 'string'],
    ['originData', 'origin_data', 'string'], ['originCode', 'origin_code', 'string'], ['locale', 'locale', 'string'],
    ['imageId', 'image_id', 'id'],
    ['overrideStartDate', 'override_start_date', 'date'], ['overrideStartDateCheck', 'override_start_date_check', 'boolean'],
    ['overrideEndDate', 'override_end_date', 'date'], ['overrideEndDateCheck', 'override_end_date_check', 'boolean'],
    ['enableCopyOfStandardCostCodes', 'enable_copy_of_standard_cost_codes', 'boolean'],
].map(([parameter, json, type]) => ({ parameter, json, type, key: JSON.stringify(json) + ':' }));

// --- JSON with exact numbers ------------------------------------------------------------------------
/** A number as written in the JSON text, for values a double cannot hold exactly. */
class JsonNumber {
    constructor(text) { this.text = text; }
}
// A number token that JSON.parse might not carry exactly: 16+ digits, an exponent, or below 1e-5.
const RISKY_NUMBER = /(?:^|[:[,])\s*-?(?:\d[\d.]{15}|0\.0{5}|[\d.]+[eE])/;

function parseJSON(text) {
    return RISKY_NUMBER.test(text) ? new ExactParser(text).document() : JSON.parse(text);
}

class ExactParser {
    constructor(text) { this.text = text; this.at = 0; }
    document() {
        const value = this.value();
        this.space();
        if (this.at < this.text.length) this.fail(`Unexpected token ${this.text[this.at]} in JSON`);
        return value;
    }
    fail(message) { throw new SyntaxError(`${message} at position ${this.at}`); }
    space() {
        const t = this.text;
        while (this.at < t.length) {
            const c = t.charCodeAt(this.at);
            if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
            this.at++;
        }
    }
    value() {
        this.space();
        const t = this.text;
        const c = t[this.at];
        if (c === '{') return this.object();
        if (c === '[') return this.array();
        if (c === '"') return this.string();
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        for (const [word, value] of [['true', true], ['false', false], ['null', null]]) {
            if (t.startsWith(word, this.at)) { this.at += word.length; return value; }
        }
        return this.fail(this.at < t.length ? `Unexpected token ${c} in JSON` : 'Unexpected end of JSON input');
    }
    object() {
        const object = {};
        this.at++;
        this.space();
        if (this.text[this.at] === '}') { this.at++; return object; }
        for (;;) {
            this.space();
            if (this.text[this.at] !== '"') this.fail('Expected a string key in JSON');
            const key = this.string();
            this.space();
            if (this.text[this.at] !== ':') this.fail("Expected ':' in JSON");
            this.at++;
            // defineProperty, so that a "__proto__" key is data as it is for JSON.parse.
            Object.defineProperty(object, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
            this.space();
            const c = this.text[this.at++];
            if (c === '}') return object;
            if (c !== ',') this.fail("Expected ',' or '}' in JSON");
        }
    }
    array() {
        const array = [];
        this.at++;
        this.space();
        if (this.text[this.at] === ']') { this.at++; return array; }
        for (;;) {
            array.push(this.value());
            this.space();
            const c = this.text[this.at++];
            if (c === ']') return array;
            if (c !== ',') this.fail("Expected ',' or ']' in JSON");
        }
    }
    string() {
        const t = this.text;
        let end = this.at + 1;
        for (;;) {
            const c = t.charCodeAt(end);
            if (Number.isNaN(c)) this.fail('Unterminated string in JSON');
            if (c === 0x5c) end += 2; else if (c === 0x22) break; else end++;
        }
        const value = JSON.parse(t.slice(this.at, end + 1)); // escapes, control characters
        this.at = end + 1;
        return value;
    }
    number() {
        const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
        match.lastIndex = this.at;
        const found = match.exec(this.text);
        if (!found) this.fail('Invalid number in JSON');
        this.at = match.lastIndex;
        const text = canonicalDecimal(found[0]);
        if (text === null) this.fail('Number out of range in JSON');
        return new JsonNumber(text);
    }
}

/**
 * The plain decimal text of a JSON number (`1.50` → `1.5`, `1e3` → `1000`, `-0` → `0`), exactly,
 * without going through a double; null when its scale is beyond what a decimal type carries
 * (±128, as Conduit's Decimal), which also bounds the text a tiny body can expand to.
 */
function canonicalDecimal(text) {
    if (PLAIN_INTEGER.test(text)) return text;
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!match) return null;
    const [, sign, whole, fraction = '', exponentText = '0'] = match;
    if (exponentText.replace(/^[+-]?0*/, '').length > 4) return null;
    let digits = whole + fraction;
    let point = whole.length + Number(exponentText);
    const leading = digits.length - digits.replace(/^0+/, '').length;
    digits = digits.slice(leading);
    point -= leading;
    digits = digits.replace(/0+$/, '');
    if (digits === '') return '0';
    const scale = point - digits.length;
    if (scale < -128 || scale > 127) return null;
    let plain;
    if (point <= 0) plain = '0.' + '0'.repeat(-point) + digits;
    else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
    else plain = digits.slice(0, point) + '.' + digits.slice(point);
    return sign + plain;
}

const PLAIN_INTEGER = /^-?[1-9]\d*$/;
const isNumber = (v) => typeof v === 'number' || v instanceof JsonNumber;
// Fast-path numbers passed RISKY_NUMBER, so String() prints them plainly and exactly.
const numberText = (v) => (typeof v === 'number' ? String(v) : v.text);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);

/** A value as the connector's messages show it (ValueDisplay.describe). */
function describe(v) {
    if (typeof v === 'string') return quoted(v);
    if (isNumber(v)) return numberText(v);
    if (typeof v === 'boolean') return String(v);
    if (v === null || v === undefined) return 'null';
    return Array.isArray(v) ? 'an Array' : 'an Object';
}
function quoted(text) {
    if (text.length <= 60) return `'${text}'`;
    const characters = Array.from(text);
    return characters.length <= 60 ? `'${text}'` : `'${characters.slice(0, 60).join('')}…'`;
}
/** A JSON value as wire text (custom field values pass on as given). */
function wireJSON(v) {
    if (v instanceof JsonNumber) return v.text;
    if (Array.isArray(v)) return '[' + v.map(wireJSON).join(',') + ']';
    if (isObject(v)) return '{' + Object.keys(v).map((k) => JSON.stringify(k) + ':' + wireJSON(v[k])).join(',') + '}';
    return JSON.stringify(v);
}

// --- coercion (FieldCoercion) ---------------------------------------------------------------------
// Each returns { wire: JSON text } or { problem: reason }.
const BLANK = /^[\t\p{Zs}]*$/u;
const EDGE_BLANKS = /^[\t\p{Zs}]+|[\t\p{Zs}]+$/gu;
// Most values start and end with a visible ASCII character: no regular expression for those.
const plainEnd = (code) => code > 0x20 && code < 0x7f;
const plainEnds = (text) => plainEnd(text.charCodeAt(0)) && plainEnd(text.charCodeAt(text.length - 1));
const trimBlanks = (text) => (plainEnds(text) ? text : text.replace(EDGE_BLANKS, ''));
const INT64_MAX = 9223372036854775807n;

function text(v) {
    if (typeof v === 'string') return { wire: JSON.stringify(v) };
    if (isNumber(v)) return { wire: JSON.stringify(numberText(v)) };
    if (typeof v === 'boolean') return { wire: v ? '"true"' : '"false"' };
    return { problem: `expected text, got ${describe(v)}` };
}
function boolean(v) {
    if (typeof v === 'boolean') return { wire: String(v) };
    if (typeof v === 'string') {
        const word = trimBlanks(v).toLowerCase();
        if (word === 'true' || word === 'false') return { wire: word };
    }
    return { problem: `${describe(v)} is not a boolean (expected true or false)` };
}
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d{1,3})?$/;
function numberWire(v) { // plain text of a number or a numeric string, else undefined
    if (isNumber(v)) return numberText(v);
    if (typeof v !== 'string') return undefined;
    const trimmed = trimBlanks(v);
    return JSON_NUMBER.test(trimmed) ? (canonicalDecimal(trimmed) ?? undefined) : undefined;
}
function number(v) {
    const wire = numberWire(v);
    if (wire !== undefined) return { wire };
    if (typeof v === 'string') return { problem: `${quoted(v)} is not a number` };
    return { problem: `expected a number, got ${describe(v)}` };
}
/** The id's digits when `v` is a positive whole number below 2^63, else undefined. */
function idDigits(v) {
    let digits;
    if (isNumber(v)) digits = numberText(v);
    else if (typeof v === 'string') {
        digits = trimBlanks(v);
        if (!/^\d+$/.test(digits)) return undefined;
        digits = digits.replace(/^0+(?=\d)/, '');
    } else return undefined;
    if (!/^[1-9]\d*$/.test(digits) || digits.length > 19) return undefined;
    if (digits.length === 19 && BigInt(digits) > INT64_MAX) return undefined;
    return digits;
}
const notAnId = (v) => `${describe(v)} is not a Procore id (expected a positive whole number)`;
function id(v) {
    const digits = idDigits(v);
    return digits === undefined ? { problem: notAnId(v) } : { wire: digits };
}
function idList(v) {
    if (Array.isArray(v)) {
        const ids = [];
        for (let i = 0; i < v.length; i++) {
            const digits = idDigits(v[i]);
            if (digits === undefined) return { problem: `element ${i + 1}: ${notAnId(v[i])}` };
            ids.push(digits);
        }
        return { wire: '[' + ids.join(',') + ']' };
    }
    if (isNumber(v) || typeof v === 'string') {
        const single = id(v);
        return single.problem ? single : { wire: '[' + single.wire + ']' };
    }
    return { problem: `expected a list of Procore ids, got ${describe(v)}` };
}
/** The number the `count` ASCII digits at `start` spell, or -1. */
function digitsAt(text, start, count) {
    let n = 0;
    for (let i = start; i < start + count; i++) {
        const c = text.charCodeAt(i) - 48;
        if (!(c >= 0 && c <= 9)) return -1;
        n = n * 10 + c;
    }
    return n;
}
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function date(v) {
    if (typeof v !== 'string') return { problem: `expected a date written YYYY-MM-DD, got ${describe(v)}` };
    const year = digitsAt(v, 0, 4), month = digitsAt(v, 5, 2), day = digitsAt(v, 8, 2);
    if (v.length !== 10 || v[4] !== '-' || v[7] !== '-' || year < 0 || month < 0 || day < 0) {
        return { problem: `${quoted(v)} is not a date (expected YYYY-MM-DD)` };
    }
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = month === 2 && leap ? 29 : DAYS[month - 1];
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days) {
        return { problem: `${quoted(v)} is not a real calendar date (expected YYYY-MM-DD)` };
    }
    return { wire: JSON.stringify(v) };
}
function countryCode(v) {
    if (typeof v === 'string' && COUNTRY_CODES.has(v.toUpperCase())) return { wire: `"${v.toUpperCase()}"` };
    return { problem: `${describe(v)} is not an ISO-3166 alpha-2 country code (for example 'US')` };
}
function stateCode(v) {
    if (typeof v === 'string' && /^[A-Za-z0-9]{1,3}$/.test(v)) return { wire: `"${v.toUpperCase()}"` };
    return { problem: `${describe(v)} is not a state code (expected 1 to 3 letters or digits, for example 'CA')` };
}
function coordinate(limit) {
    return (v) => {
        const parsed = number(v);
        if (parsed.problem) return parsed;
        if (!withinMagnitude(parsed.wire, limit)) {
            return { problem: `${describe(v)} is out of range (expected a number from -${limit} to ${limit})` };
        }
        return parsed;
    };
}
/** Whether the plain decimal `text` lies within ±limit (a whole number), compared as text. */
function withinMagnitude(text, limit) {
    // Up to 15 significant digits a double holds the value closely enough to compare with a whole bound.
    if (text.length <= 16) return Math.abs(Number(text)) <= limit;
    const magnitude = text.startsWith('-') ? text.slice(1) : text;
    const [whole, fraction = ''] = magnitude.split('.');
    const bound = String(limit);
    if (whole.length !== bound.length) return whole.length < bound.length;
    if (whole !== bound) return whole < bound;
    return /^0*$/.test(fraction);
}
const SINGLE_WORD_ZONES = new Set(['UTC', 'GMT', 'UCT', 'Universal', 'Zulu', 'Greenwich', 'EST', 'MST', 'HST',
    'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT', 'CET', 'EET', 'MET', 'WET']);
const zoneAnswers = new Map();
/** Whether `name` is a zone in the system's IANA database (read once per name, remembered). */
function knownZone(name) {
    if (SINGLE_WORD_ZONES.has(name)) return true;
    if (name.length > 64 || !/^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/.test(name)) return false;
    let known = zoneAnswers.get(name);
    if (known !== undefined) return known;
    known = false;
    try {
        const fd = fs.openSync('/usr/share/zoneinfo/' + name, 'r');
        try {
            const magic = Buffer.alloc(4);
            known = fs.readSync(fd, magic, 0, 4, 0) === 4 && magic.toString('latin1') === 'TZif';
        } finally { fs.closeSync(fd); }
    } catch { known = false; }
    if (zoneAnswers.size >= 1024) zoneAnswers.clear();
    zoneAnswers.set(name, known);
    return known;
}
function timeZone(v) {
    if (typeof v === 'string' && knownZone(v)) return { wire: JSON.stringify(v) };
    return { problem: `${describe(v)} is not an IANA time zone (for example 'America/Los_Angeles')` };
}
function enumeration(name) {
    const allowed = ENUMERATIONS[name], set = ENUMERATION_SETS[name];
    return (v) => {
        if (typeof v === 'string' && set.has(v)) return { wire: JSON.stringify(v) };
        let reason = `${describe(v)} is not a valid ${name}`;
        const normalized = typeof v === 'string' ? trimBlanks(v).toLowerCase().replace(/[ -]/g, '_') : undefined;
        if (normalized !== undefined && set.has(normalized)) reason += ` (did you mean '${normalized}'?)`;
        else if (allowed.length <= 10) reason += ` (expected one of ${allowed.join(', ')})`;
        else reason += ` (expected one of Procore's ${allowed.length} ${name} values, for example '${allowed[0]}')`;
        return { problem: reason };
    };
}
const COERCE = {
    string: text, boolean, number, id, idList, date, countryCode, stateCode, timeZone,
    latitude: coordinate(90), longitude: coordinate(180),
    sector: enumeration('sector'), work_scope: enumeration('work_scope'), delivery_method: enumeration('delivery_method'),
};

// --- the create-project request (ProjectRequestBuilder) --------------------------------------------
const invalid = (parameter, reason) => `Invalid value for parameter '${parameter}': ${reason}`;
const missing = (parameter) => `Missing value for required parameter '${parameter}'`;
/** An empty or blank string for a field that is not text means "no value": sent as null. */
const isBlank = (v) => typeof v === 'string' && (v.length === 0 || (!plainEnd(v.charCodeAt(0)) && BLANK.test(v)));

/**
 * `{ companyId, body }` for Procore, or `{ errorType, problem }` with every problem in field order:
 * a payload of the wrong shape is Conduit's INVALID_REQUEST (a child of BAD_REQUEST), invalid
 * fields its BAD_REQUEST.
 */
function buildCreateRequest(payload) {
    if (payload !== null && !isObject(payload)) {
        const kind = Array.isArray(payload) ? 'an Array'
            : typeof payload === 'string' ? `a String (${describe(payload)})`
                : isNumber(payload) ? `a Number (${describe(payload)})` : `a Boolean (${describe(payload)})`;
        return {
            errorType: 'PROCORE:INVALID_REQUEST',
            problem: invalid('companyId', `'payload.company_id' needs the payload to be a JSON object, got ${kind}`),
        };
    }
    const fields = payload ?? {};
    const problems = [];
    let companyId;
    const company = fields.company_id;
    if (company === undefined || company === null || isBlank(company)) problems.push(missing('companyId'));
    else if ((companyId = idDigits(company)) === undefined) problems.push(invalid('companyId', notAnId(company)));

    const parts = [];
    for (const field of FIELDS) {
        const value = fields[field.json];
        if (value === undefined || value === null) {
            if (field.parameter === 'name') problems.push(missing('name'));
            continue;
        }
        if (field.type !== 'string' && isBlank(value)) {
            parts.push(field.key + 'null');
            continue;
        }
        const result = COERCE[field.type](value);
        if (result.problem !== undefined) problems.push(invalid(field.parameter, result.problem));
        else if (field.parameter === 'name' && typeof value === 'string' && value.trim() === '') {
            problems.push(invalid('name', 'must not be empty'));
        } else parts.push(field.key + result.wire);
    }
    const custom = fields.custom_fields;
    if (custom !== undefined && custom !== null) {
        if (!isObject(custom)) {
            problems.push(invalid('customFields', `expected an object of custom field id to value, got ${describe(custom)}`));
        } else {
            // `456` and `custom_field_456` name the same field: the later one wins, in the first's place.
            const customParts = new Map();
            for (const key of Object.keys(custom)) {
                const value = custom[key];
                if (value === null) continue;
                const idText = key.startsWith('custom_field_') ? key.slice('custom_field_'.length) : key;
                if (!/^[0-9]+$/.test(idText)) {
                    problems.push(invalid('customFields', `key ${quoted(key)} is not a custom field id (expected digits, for example '456')`));
                    continue;
                }
                customParts.set(idText, `"custom_field_${idText}":` + wireJSON(value));
            }
            for (const part of customParts.values()) parts.push(part);
        }
    }
    if (problems.length > 0) return { errorType: 'PROCORE:BAD_REQUEST', problem: problems.join('; ') };
    return { companyId, body: `{"company_id":${companyId},"project":{${parts.join(',')}}}` };
}

// --- Procore's errors (the sample app's error handler) ---------------------------------------------
const ERROR_TYPES = {
    400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 408: 'REQUEST_TIMEOUT',
    409: 'CONFLICT', 422: 'UNPROCESSABLE_ENTITY', 429: 'TOO_MANY_REQUESTS', 503: 'SERVICE_UNAVAILABLE', 504: 'GATEWAY_TIMEOUT',
};
const HANDLED_STATUSES = new Set([400, 401, 403, 404, 409, 422, 429]);
function procoreMessages(value, field) {
    const prefix = field === undefined ? '' : `${field}: `;
    if (typeof value === 'string') return value.trim() === '' ? [] : [prefix + value.trim()];
    if (isNumber(value) || typeof value === 'boolean') return [prefix + (isNumber(value) ? numberText(value) : value)];
    if (Array.isArray(value)) return value.flatMap((item) => procoreMessages(item, field));
    if (isObject(value)) {
        return Object.keys(value).flatMap((key) => procoreMessages(value[key], field === undefined ? key : `${field}.${key}`));
    }
    return [];
}
function upstreamFailure(res, status, text, headers) {
    let messages = [];
    try {
        const body = parseJSON(text);
        if (isObject(body)) {
            if (body.errors !== undefined) messages = procoreMessages(body.errors);
            for (const key of ['message', 'error_description', 'error']) {
                if (messages.length === 0 && body[key] !== undefined) messages = procoreMessages(body[key]);
            }
        } else messages = procoreMessages(body);
    } catch {
        if (text.trim() !== '') messages = [text.trim().slice(0, 300)];
    }
    const type = `PROCORE:${ERROR_TYPES[status] ?? 'UNEXPECTED_ERROR'}`;
    const message = messages.length > 0 ? messages.join('; ')
        : `HTTP POST ${PROJECTS_PATH} failed: ${http.STATUS_CODES[status] ?? 'Unknown'} (${status}).`;
    const answer = HANDLED_STATUSES.has(status) ? status : status === 503 ? 503 : 500;
    const extra = status === 429 ? { 'Retry-After': headers['retry-after'] ?? '60' } : undefined;
    sendError(res, answer, type, message, extra);
}

// --- the service -----------------------------------------------------------------------------------
function sendJSON(res, status, body, extraHeaders) {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length, ...extraHeaders });
    res.end(bytes);
}
function sendError(res, status, type, message, extraHeaders) {
    sendJSON(res, status, JSON.stringify({ error: type, message }), extraHeaders);
}
function log(message) {
    process.stdout.write(`INFO  ${new Date().toISOString()} create-project: ${message}\n`);
}

function readBody(stream, limit, done) {
    const chunks = [];
    let size = 0;
    stream.on('data', (chunk) => {
        size += chunk.length;
        if (size <= limit) chunks.push(chunk);
    });
    stream.on('end', () => done(size > limit ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
}

function createProject(req, res, agent) {
    readBody(req, MAX_BODY_BYTES, (raw) => {
        if (raw === null) return sendError(res, 413, 'BAD_REQUEST', `Request body larger than ${MAX_BODY_BYTES} bytes`);
        let payload = null;
        const text = raw.toString('utf8');
        if (text.trim() !== '') {
            try {
                payload = parseJSON(text);
            } catch (error) {
                return sendError(res, 400, 'BAD_REQUEST', `Invalid JSON in request body: ${error.message}`);
            }
        }
        const built = buildCreateRequest(payload);
        if (built.problem !== undefined) return sendError(res, 400, built.errorType, built.problem);
        const body = Buffer.from(built.body);
        const upstream = http.request({
            agent,
            protocol: config.upstream.protocol,
            hostname: config.upstream.hostname,
            port: config.upstream.port,
            method: 'POST',
            path: config.upstream.pathname.replace(/\/$/, '') + PROJECTS_PATH,
            headers: {
                'Procore-Company-Id': built.companyId,
                'Content-Type': 'application/json',
                'Accept': 'application/json',
                'Authorization': `Bearer ${config.token}`,
                'Idempotency-Token': crypto.randomUUID(),
                'Content-Length': body.length,
            },
        }, (answer) => {
            readBody(answer, 16 * MAX_BODY_BYTES, (bytes) => {
                const status = answer.statusCode;
                const answerText = bytes === null ? '' : bytes.toString('utf8');
                if (status < 200 || status > 299) return upstreamFailure(res, status, answerText, answer.headers);
                let project;
                try {
                    project = parseJSON(answerText);
                } catch (error) {
                    return sendError(res, 500, 'PROCORE:UNEXPECTED_ERROR', `Procore answered ${status} with a body that is not JSON: ${error.message}`);
                }
                const id = project?.id, name = project?.name, companyOf = project?.company?.id;
                log(`Created project ${isNumber(id) ? numberText(id) : id} '${name}' for company ${isNumber(companyOf) ? numberText(companyOf) : companyOf}`);
                sendJSON(res, 201, bytes);
            });
        });
        upstream.on('error', (error) => {
            if (!res.headersSent) {
                sendError(res, 503, 'PROCORE:CONNECTIVITY',
                    `Could not reach Procore at ${config.upstream.origin} for POST ${PROJECTS_PATH}: ${error.message}.`);
            }
        });
        upstream.setTimeout(60_000, () => upstream.destroy(new Error('no answer within 60 s')));
        upstream.end(body);
    });
}

function startWorker() {
    const agent = new http.Agent({ keepAlive: true, maxSockets: config.maxSockets, maxFreeSockets: config.maxSockets, scheduling: 'lifo' });
    const server = http.createServer((req, res) => {
        const path = req.url.split('?', 1)[0];
        if (path !== '/projects') return sendText(res, 404, `No listener for endpoint: ${path}`);
        if (req.method !== 'POST') return sendText(res, 405, `Method not allowed for endpoint: ${path}`);
        createProject(req, res, agent);
    });
    server.keepAliveTimeout = 65_000;
    server.listen(config.port, config.host);
}
function sendText(res, status, text) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=UTF-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
}

if (require.main === module) {
    if (!config.token) {
        process.stderr.write('node peer: no token (--token or PROCORE_TOKEN)\n');
        process.exit(2);
    }
    if (cluster.isPrimary && config.workers > 1) {
        let listening = 0;
        for (let i = 0; i < config.workers; i++) cluster.fork();
        cluster.on('listening', () => {
            if (++listening === config.workers) {
                process.stdout.write(`node peer ready, ${config.workers} workers listening on http://${config.host}:${config.port}\n`);
            }
        });
        cluster.on('exit', (worker, code, signal) => {
            process.stderr.write(`node peer: worker ${worker.process.pid} exited (${signal ?? code})\n`);
        });
        for (const signal of ['SIGTERM', 'SIGINT']) {
            process.on(signal, () => {
                for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGTERM');
                process.exit(0);
            });
        }
    } else {
        startWorker();
        if (cluster.isPrimary) process.stdout.write(`node peer ready, 1 worker listening on http://${config.host}:${config.port}\n`);
    }
}

module.exports = { buildCreateRequest, parseJSON, canonicalDecimal };
