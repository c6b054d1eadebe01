// A hand-written peer of Conduit's main job, the way a Go engineer would write the service with
// the standard library only: `POST /projects` with the manual's create-project payload → validate
// and coerce every project field with the connector's rules and messages → `POST
// /rest/v1.0/projects` to Procore with a bearer token, `Procore-Company-Id` and a fresh
// `Idempotency-Token` → parse Procore's 201 answer → one INFO line → 201 with the project.
//
// net/http serves on every core (GOMAXPROCS), one http.Client with a tuned Transport keeps the
// upstream connections alive (MaxIdleConnsPerHost well above the expected concurrency), the
// body is decoded once with json.Number so ids and decimals stay exact text, and Procore's
// answer is parsed (for the log line, its ids as json.Number) and passed on as received.
//
// Usage: peer [-port 8081] [-host 127.0.0.1] [-upstream http://127.0.0.1:8082] [-token TOKEN]
//
//	[-max-idle-per-host 256]
//
// or the environment: PORT, HOST, PROCORE_BASE_URL, PROCORE_TOKEN.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"
)

const (
	projectsPath = "/rest/v1.0/projects"
	maxBodyBytes = 1 << 20
)

type service struct {
	client   *http.Client
	endpoint string // base URL + projectsPath
	origin   string
	token    string
	logger   *log.Logger
}

func main() {
	env := func(name, fallback string) string {
		if value, ok := os.LookupEnv(name); ok {
			return value
		}
		return fallback
	}
	port := flag.String("port", env("PORT", "8081"), "listen port")
	host := flag.String("host", env("HOST", "127.0.0.1"), "listen address")
	upstream := flag.String("upstream", env("PROCORE_BASE_URL", "http://127.0.0.1:8082"), "Procore base URL")
	token := flag.String("token", env("PROCORE_TOKEN", ""), "Procore access token")
	maxIdle := flag.Int("max-idle-per-host", 256, "idle upstream connections kept per host")
	flag.Parse()
	if *token == "" {
		fmt.Fprintln(os.Stderr, "go peer: no token (-token or PROCORE_TOKEN)")
		os.Exit(2)
	}

	transport := &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:          4 * *maxIdle,
		MaxIdleConnsPerHost:   *maxIdle,
		IdleConnTimeout:       90 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
		DisableCompression:    true,
	}
	s := &service{
		client:   &http.Client{Transport: transport, Timeout: 60 * time.Second},
		endpoint: strings.TrimSuffix(*upstream, "/") + projectsPath,
		origin:   strings.TrimSuffix(*upstream, "/"),
		token:    *token,
		logger:   log.New(os.Stdout, "", 0),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/projects", s.createProject)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		plain(w, http.StatusNotFound, "No listener for endpoint: "+r.URL.Path)
	})
	server := &http.Server{
		Addr:              net.JoinHostPort(*host, *port),
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       65 * time.Second,
		ErrorLog:          log.New(os.Stderr, "go peer: ", 0),
	}
	listener, err := net.Listen("tcp", server.Addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "go peer:", err)
		os.Exit(1)
	}
	fmt.Printf("go peer ready, listening on http://%s\n", server.Addr)
	if err := server.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(os.Stderr, "go peer:", err)
		os.Exit(1)
	}
}

func (s *service) createProject(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		plain(w, http.StatusMethodNotAllowed, "Method not allowed for endpoint: "+r.URL.Path)
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		fail(w, http.StatusRequestEntityTooLarge, "BAD_REQUEST", fmt.Sprintf("Request body larger than %d bytes", maxBodyBytes))
		return
	}
	payload, err := decodeJSON(raw)
	if err != nil {
		fail(w, http.StatusBadRequest, "BAD_REQUEST", "Invalid JSON in request body: "+err.Error())
		return
	}
	companyID, body, errorType, problem := buildCreateRequest(payload)
	if problem != "" {
		fail(w, http.StatusBadRequest, errorType, problem)
		return
	}

	request, err := http.NewRequestWithContext(r.Context(), http.MethodPost, s.endpoint, bytes.NewReader(body))
	if err != nil {
		fail(w, http.StatusInternalServerError, "PROCORE:UNEXPECTED_ERROR", err.Error())
		return
	}
	request.Header.Set("Procore-Company-Id", companyID)
	request.Header.Set("Content-Type", "application/json")
	request.Header.Set("Accept", "application/json")
	request.Header.Set("Authorization", "Bearer "+s.token)
	request.Header.Set("Idempotency-Token", newUUID())
	response, err := s.client.Do(request)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return // the caller went away
		}
		fail(w, http.StatusServiceUnavailable, "PROCORE:CONNECTIVITY",
			fmt.Sprintf("Could not reach Procore at %s for POST %s: %v.", s.origin, projectsPath, err))
		return
	}
	answer, err := io.ReadAll(io.LimitReader(response.Body, 16*maxBodyBytes))
	response.Body.Close()
	if err != nil {
		fail(w, http.StatusServiceUnavailable, "PROCORE:CONNECTIVITY", "Procore's answer broke off: "+err.Error())
		return
	}
	if response.StatusCode < 200 || response.StatusCode > 299 {
		upstreamFailure(w, response, answer)
		return
	}
	var project struct {
		ID      json.Number `json:"id"`
		Name    string      `json:"name"`
		Company struct {
			ID json.Number `json:"id"`
		} `json:"company"`
	}
	if err := json.Unmarshal(answer, &project); err != nil {
		fail(w, http.StatusInternalServerError, "PROCORE:UNEXPECTED_ERROR",
			fmt.Sprintf("Procore answered %d with a body that is not a JSON project: %v", response.StatusCode, err))
		return
	}
	s.logger.Printf("INFO  %s create-project: Created project %s '%s' for company %s",
		time.Now().UTC().Format("2006-01-02T15:04:05.000Z"), project.ID, project.Name, project.Company.ID)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	w.Write(answer)
}

// decodeJSON reads one JSON document with numbers as json.Number (exact text); an empty body is null.
func decodeJSON(raw []byte) (any, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, nil
	}
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		return nil, err
	}
	if _, err := decoder.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return value, nil
}

func invalid(parameter, reason string) string {
	return "Invalid value for parameter '" + parameter + "': " + reason
}

func missing(parameter string) string {
	return "Missing value for required parameter '" + parameter + "'"
}

// buildCreateRequest is Procore's body and the company id, or every problem in field order and
// the error type they are answered with: a payload of the wrong shape is Conduit's
// INVALID_REQUEST (a child of BAD_REQUEST), invalid fields its BAD_REQUEST.
func buildCreateRequest(payload any) (companyID string, body []byte, errorType, problem string) {
	var fields map[string]any
	switch p := payload.(type) {
	case map[string]any:
		fields = p
	case nil:
		fields = map[string]any{}
	default:
		kind := "an Array"
		switch payload.(type) {
		case string:
			kind = "a String (" + describe(payload) + ")"
		case json.Number:
			kind = "a Number (" + describe(payload) + ")"
		case bool:
			kind = "a Boolean (" + describe(payload) + ")"
		}
		return "", nil, "PROCORE:INVALID_REQUEST", invalid("companyId", "'payload.company_id' needs the payload to be a JSON object, got "+kind)
	}

	var problems []string
	if company, present := fields["company_id"]; !present || company == nil || isBlank(company) {
		problems = append(problems, missing("companyId"))
	} else if digits, ok := idDigits(company); ok {
		companyID = digits
	} else {
		problems = append(problems, invalid("companyId", notAnID(company)))
	}

	buffer := make([]byte, 0, 2048)
	buffer = append(buffer, `{"company_id":`...)
	buffer = append(buffer, companyID...)
	buffer = append(buffer, `,"project":{`...)
	first := true
	add := func(key, wire string) {
		if !first {
			buffer = append(buffer, ',')
		}
		first = false
		buffer = append(buffer, key...)
		buffer = append(buffer, wire...)
	}
	for i := range createFields {
		f := &createFields[i]
		value, present := fields[f.json]
		if !present || value == nil {
			if f.parameter == "name" {
				problems = append(problems, missing("name"))
			}
			continue
		}
		if !f.text && isBlank(value) {
			add(f.key, "null")
			continue
		}
		wire, reason := f.coerce(value)
		switch {
		case reason != "":
			problems = append(problems, invalid(f.parameter, reason))
		case f.parameter == "name" && isWhitespace(value):
			problems = append(problems, invalid("name", "must not be empty"))
		default:
			add(f.key, wire)
		}
	}
	if custom, present := fields["custom_fields"]; present && custom != nil {
		if object, ok := custom.(map[string]any); !ok {
			problems = append(problems, invalid("customFields", "expected an object of custom field id to value, got "+describe(custom)))
		} else {
			// A Go map has no order: custom fields go out sorted by key, so the body is stable.
			keys := make([]string, 0, len(object))
			for key := range object {
				keys = append(keys, key)
			}
			sort.Strings(keys)
			values := map[string]string{}
			var ids []string
			for _, key := range keys {
				if object[key] == nil {
					continue
				}
				id := strings.TrimPrefix(key, "custom_field_")
				if id == "" || strings.IndexFunc(id, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
					problems = append(problems, invalid("customFields", "key "+quoted(key)+" is not a custom field id (expected digits, for example '456')"))
					continue
				}
				encoded, err := json.Marshal(object[key])
				if err != nil {
					problems = append(problems, invalid("customFields", err.Error()))
					continue
				}
				if _, seen := values[id]; !seen {
					ids = append(ids, id)
				}
				values[id] = string(encoded)
			}
			for _, id := range ids {
				add(`"custom_field_`+id+`":`, values[id])
			}
		}
	}
	if len(problems) > 0 {
		return "", nil, "PROCORE:BAD_REQUEST", strings.Join(problems, "; ")
	}
	buffer = append(buffer, "}}"...)
	return companyID, buffer, "", ""
}

func isWhitespace(value any) bool {
	text, _ := value.(string)
	return strings.TrimSpace(text) == ""
}

// newUUID is a random (version 4) UUID, as Idempotency-Token takes.
func newUUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:])
	return string(out[:])
}

type errorBody struct {
	Error   string `json:"error"`
	Message string `json:"message"`
}

func fail(w http.ResponseWriter, status int, errorType, message string) {
	body, _ := json.Marshal(errorBody{Error: errorType, Message: message})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

func plain(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=UTF-8")
	w.WriteHeader(status)
	io.WriteString(w, text)
}

var errorTypes = map[int]string{
	400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 408: "REQUEST_TIMEOUT",
	409: "CONFLICT", 422: "UNPROCESSABLE_ENTITY", 429: "TOO_MANY_REQUESTS", 503: "SERVICE_UNAVAILABLE", 504: "GATEWAY_TIMEOUT",
}

// upstreamFailure answers as the sample app's error handler does for Procore's error answer.
func upstreamFailure(w http.ResponseWriter, response *http.Response, answer []byte) {
	status := response.StatusCode
	var messages []string
	if decoded, err := decodeJSON(answer); err == nil {
		if object, ok := decoded.(map[string]any); ok {
			if errs, ok := object["errors"]; ok {
				messages = procoreMessages(errs, "")
			}
			for _, key := range []string{"message", "error_description", "error"} {
				if value, ok := object[key]; ok && len(messages) == 0 {
					messages = procoreMessages(value, "")
				}
			}
		} else {
			messages = procoreMessages(decoded, "")
		}
	} else if text := strings.TrimSpace(string(answer)); text != "" {
		if len(text) > 300 {
			text = text[:300] + "…"
		}
		messages = []string{text}
	}
	errorType := "UNEXPECTED_ERROR"
	if name, ok := errorTypes[status]; ok {
		errorType = name
	}
	message := strings.Join(messages, "; ")
	if message == "" {
		message = fmt.Sprintf("HTTP POST %s failed: %s (%d).", projectsPath, http.StatusText(status), status)
	}
	answerStatus := http.StatusInternalServerError
	switch status {
	case 400, 401, 403, 404, 409, 422, 429, 503:
		answerStatus = status
	}
	if status == 429 {
		retryAfter := response.Header.Get("Retry-After")
		if retryAfter == "" {
			retryAfter = "60"
		}
		w.Header().Set("Retry-After", retryAfter)
	}
	fail(w, answerStatus, "PROCORE:"+errorType, message)
}

func procoreMessages(value any, field string) []string {
	prefix := ""
	if field != "" {
		prefix = field + ": "
	}
	switch v := value.(type) {
	case string:
		if text := strings.TrimSpace(v); text != "" {
			return []string{prefix + text}
		}
	case json.Number, bool:
		return []string{prefix + describe(v)}
	case []any:
		var messages []string
		for _, item := range v {
			messages = append(messages, procoreMessages(item, field)...)
		}
		return messages
	case map[string]any:
		keys := make([]string, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		var messages []string
		for _, key := range keys {
			name := key
			if field != "" {
				name = field + "." + key
			}
			messages = append(messages, procoreMessages(v[key], name)...)
		}
		return messages
	}
	return nil
}
