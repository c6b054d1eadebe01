package main

import (
	"os"
	"strings"
	"testing"
)

func samplePayload(t testing.TB) []byte {
	raw, err := os.ReadFile("../../../examples/create-project.json")
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestCanonicalDecimal(t *testing.T) {
	for text, want := range map[string]string{
		"1.50": "1.5", "1e3": "1000", "-0": "0", "0.1e-10": "0.00000000001", "1.5e1": "15",
		"123456789012345678901234567890": "123456789012345678901234567890", "-180.0000001": "-180.0000001",
		"9007199254740993": "9007199254740993",
	} {
		if got, ok := canonicalDecimal(text); !ok || got != want {
			t.Errorf("canonicalDecimal(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	if _, ok := canonicalDecimal("1e300"); ok {
		t.Error("1e300 has a scale no decimal type holds")
	}
}

func TestSampleBodyKeepsIDsExact(t *testing.T) {
	payload, err := decodeJSON(samplePayload(t))
	if err != nil {
		t.Fatal(err)
	}
	company, body, _, problem := buildCreateRequest(payload)
	if problem != "" {
		t.Fatal(problem)
	}
	if company != "562949953437078" || !strings.HasPrefix(string(body), `{"company_id":562949953437078,"project":{"name":"MuleTest Cloud 9 - 31",`) {
		t.Fatalf("company %s, body %s", company, body)
	}
	if !strings.Contains(string(body), `"department_ids":[562949953494810,562949953495650]`) {
		t.Fatalf("department ids not exact: %s", body)
	}
}

func TestIDsBeyondInt64AreRefused(t *testing.T) {
	payload, _ := decodeJSON([]byte(`{"company_id": 9223372036854775808, "name": "x", "office_id": "9223372036854775807"}`))
	_, _, _, problem := buildCreateRequest(payload)
	want := "Invalid value for parameter 'companyId': 9223372036854775808 is not a Procore id (expected a positive whole number)"
	if problem != want {
		t.Fatalf("problem %q, want %q", problem, want)
	}
}

// BenchmarkDecodeAndBuild is the peer's own work per request before the upstream call.
func BenchmarkDecodeAndBuild(b *testing.B) {
	raw := samplePayload(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		payload, err := decodeJSON(raw)
		if err != nil {
			b.Fatal(err)
		}
		if _, body, _, problem := buildCreateRequest(payload); problem != "" || body == nil {
			b.Fatal(problem)
		}
	}
}
