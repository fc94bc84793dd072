using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Registry.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.IntegrationTests.Hostile;

/// <summary>
/// Malformed and hostile input at every endpoint: no 500, every error a problem response, and a refused
/// request changes nothing in the database.
/// </summary>
public sealed class HostileInputTests(RegistryApiFactory api, ITestOutputHelper output) : IClassFixture<RegistryApiFactory>
{
    private static readonly string[] HostileStrings =
    [
        "", " ", "\u0000", "a\u0000b", "\u202Eevil\u202C", "<script>alert(1)</script>", "' OR 1=1 --", "'; DROP TABLE registry.organizations; --",
        "../../etc/passwd", "..\\..\\windows", "%00", "%2e%2e%2f", "تعاونية\u0640\u0640 Coop", "\uD800", "😀", "-1", "0", "99999999999999999999",
        "1e309", "NaN", "null", "2026-02-30", "31/12/2026", "COOP-06-2026-000001'", new string('x', 5_000), new string('ت', 300),
    ];

    private static readonly JsonNode?[] HostileValues =
    [
        null, JsonValue.Create(-1), JsonValue.Create(long.MaxValue), JsonValue.Create(1.5), JsonValue.Create(true),
        new JsonArray(), new JsonObject(), .. HostileStrings.Select(s => (JsonNode?)JsonValue.Create(s)),
    ];

    [Fact]
    public async Task No_hostile_request_gets_a_500_or_changes_data_when_refused()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var admin = await api.Actors.ClientAsync(Actor.Administrator);
        var anonymous = await api.Actors.ClientAsync(Actor.Anonymous);
        var draft = await owner.DraftAsync();
        var submitted = await owner.SubmittedAsync();
        var number = await api.Actors.OrganizationAsync();
        var etag = await owner.ETagAsync(draft);

        var requests = new List<(HttpClient Client, Func<HttpRequestMessage> Build)>();
        var application = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative()))!.AsObject();

        foreach (var body in Mutations(application))
        {
            requests.Add((owner, () => Json(HttpMethod.Post, "/api/v1/applications", body)));
            requests.Add((owner, () => WithHeader(Json(HttpMethod.Put, $"/api/v1/applications/{draft}", body), "If-Match", etag)));
        }

        foreach (var raw in RawBodies())
        {
            requests.Add((owner, () => Raw(HttpMethod.Post, "/api/v1/applications", raw)));
            requests.Add((official, () => Raw(HttpMethod.Post, $"/api/v1/applications/{submitted}/reject", raw)));
            requests.Add((admin, () => Raw(HttpMethod.Post, "/api/v1/admin/users", raw)));
            requests.Add((anonymous, () => Raw(HttpMethod.Post, "/api/v1/auth/register", raw)));
            requests.Add((anonymous, () => Raw(HttpMethod.Post, "/api/v1/auth/login", raw)));
        }

        foreach (var value in HostileValues)
        {
            requests.Add((official, () => Json(HttpMethod.Post, $"/api/v1/applications/{submitted}/reject", new JsonObject { ["reason"] = value?.DeepClone() })));
            requests.Add((official, () => Json(HttpMethod.Post, $"/api/v1/applications/{submitted}/request-changes", new JsonObject { ["comments"] = value?.DeepClone() })));
            foreach (var field in new[] { "email", "password", "role", "regionCodes" })
            {
                var staff = new JsonObject { ["email"] = $"x{Guid.NewGuid():N}@registry.test", ["password"] = RegistryApiFactory.Password, ["role"] = "RegionalOfficial", ["regionCodes"] = new JsonArray("06") };
                staff[field] = value?.DeepClone();
                requests.Add((admin, () => Json(HttpMethod.Post, "/api/v1/admin/users", staff)));
            }

            foreach (var field in new[] { "email", "password" })
            {
                var credentials = new JsonObject { ["email"] = "someone@registry.test", ["password"] = RegistryApiFactory.Password };
                credentials[field] = value?.DeepClone();
                requests.Add((anonymous, () => Json(HttpMethod.Post, "/api/v1/auth/register", credentials)));
                requests.Add((anonymous, () => Json(HttpMethod.Post, "/api/v1/auth/login", credentials)));
            }

            requests.Add((anonymous, () => Json(HttpMethod.Post, "/api/v1/auth/refresh", new JsonObject { ["refreshToken"] = value?.DeepClone() })));
        }

        foreach (var text in HostileStrings)
        {
            var escaped = Uri.EscapeDataString(text);
            foreach (var segment in new[] { escaped, text.Replace("/", "", StringComparison.Ordinal) })
            {
                foreach (var path in new[]
                {
                    $"/api/v1/applications/{segment}", $"/api/v1/applications/{segment}/submit", $"/api/v1/applications/{segment}/approve",
                    $"/api/v1/applications/{segment}/history", $"/api/v1/organizations/{segment}", $"/api/v1/organizations/{segment}/history",
                })
                {
                    requests.Add((official, () => new HttpRequestMessage(path.EndsWith("/approve", StringComparison.Ordinal) || path.EndsWith("/submit", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path)));
                }
            }

            foreach (var parameter in new[] { "region", "province", "legalForm", "sector", "status", "name", "cursor", "limit" })
            {
                requests.Add((anonymous, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/organizations?{parameter}={escaped}")));
            }

            foreach (var parameter in new[] { "status", "legalForm", "cursor", "limit" })
            {
                requests.Add((official, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/review/applications?{parameter}={escaped}")));
            }

            requests.Add((owner, () => WithHeader(Json(HttpMethod.Put, $"/api/v1/applications/{draft}", application), "If-Match", text)));
            requests.Add((owner, () => WithHeader(Json(HttpMethod.Post, "/api/v1/applications", application), "Idempotency-Key", text)));
            requests.Add((owner, () => WithHeader(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{draft}/submit"), "Accept-Language", text)));
        }

        requests.Add((anonymous, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/organizations/{number}")));

        // Declarations, reservations, status decisions and uploads.
        var declaration = new JsonObject { ["kind"] = "MemberChange", ["effectiveOn"] = "2026-01-01", ["leaving"] = new JsonArray("AB123456") };
        foreach (var field in new[] { "kind", "effectiveOn", "financialYear", "turnover", "officers", "joining", "leaving", "newMandateEnd", "memberCount" })
        {
            foreach (var value in HostileValues)
            {
                var copy = declaration.DeepClone().AsObject();
                copy[field] = value?.DeepClone();
                requests.Add((owner, () => Json(HttpMethod.Post, $"/api/v1/organizations/{number}/declarations", copy)));
            }
        }

        foreach (var value in HostileValues)
        {
            requests.Add((owner, () => Json(HttpMethod.Post, "/api/v1/name-reservations", new JsonObject { ["legalForm"] = "COOP", ["nameLatin"] = value?.DeepClone() })));
            requests.Add((owner, () => Json(HttpMethod.Post, "/api/v1/name-reservations", new JsonObject { ["legalForm"] = value?.DeepClone(), ["nameAr"] = "تعاونية" })));
            requests.Add((official, () => Json(HttpMethod.Post, $"/api/v1/organizations/{number}/suspend", new JsonObject { ["reason"] = value?.DeepClone() })));
        }

        foreach (var text in HostileStrings)
        {
            var escaped = Uri.EscapeDataString(text);
            requests.Add((official, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/compliance/findings?stage={escaped}")));
            requests.Add((official, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/compliance/findings?rule={escaped}&cursor={escaped}")));
            requests.Add((owner, () => Multipart(draft, text, "statuts.pdf")));
            if (!string.IsNullOrWhiteSpace(text) && !text.Contains('"', StringComparison.Ordinal))
            {
                requests.Add((owner, () => Multipart(draft, "Statutes", text)));
            }
        }

        foreach (var raw in RawBodies())
        {
            requests.Add((owner, () => Raw(HttpMethod.Post, $"/api/v1/organizations/{number}/declarations", raw)));
            requests.Add((owner, () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{draft}/documents")
            {
                Content = new ByteArrayContent(raw) { Headers = { { "Content-Type", "multipart/form-data; boundary=zz" } } },
            }));
        }

        var failures = new List<string>();
        var refused = 0;
        foreach (var (client, build) in requests)
        {
            HttpRequestMessage built;
            try
            {
                built = build();
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                continue; // the client library cannot even express this request
            }

            using var request = built;
            var before = await SnapshotAsync();
            var description = $"{request.Method} {request.RequestUri}";
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (InvalidOperationException) when (request.Headers.Any(h => h.Value.Any(v => v.Any(c => c < ' ' || c > '~')))
                || request.RequestUri!.AbsoluteUri.Contains("%00", StringComparison.Ordinal))
            {
                continue; // the client refuses to send such a header or path (Kestrel would answer 400 itself)
            }

            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                var sent = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
                failures.Add($"{description} {sent[..Math.Min(sent.Length, 400)]} → {status}: {text}");
            }
            else if (status >= 400)
            {
                refused++;
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{description} → {status} without problem details");
                }

                var after = await SnapshotAsync();
                if (after != before)
                {
                    failures.Add($"{description} → {status} but the data changed: {before} → {after}");
                }
            }
        }

        output.WriteLine($"{requests.Count} hostile requests, {refused} refused, {failures.Count} failures");
        Assert.True(requests.Count > 1_000, $"only {requests.Count} requests were generated");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(30)));
    }

    private async Task<string> SnapshotAsync() => await api.ScalarAsync<string>("""
        SELECT concat_ws('/',
            (SELECT count(*) FROM registry.applications), (SELECT max(xmin::text::bigint) FROM registry.applications),
            (SELECT count(*) FROM registry.organizations), (SELECT count(*) FROM registry.application_members),
            (SELECT count(*) FROM registry.audit_entries WHERE outcome = 'Succeeded'), (SELECT count(*) FROM registry.idempotency_keys),
            (SELECT count(*) FROM identity.users))
        """) ?? "";

    private static IEnumerable<JsonNode> Mutations(JsonObject valid)
    {
        foreach (var field in valid.Select(p => p.Key).ToList())
        {
            foreach (var value in HostileValues)
            {
                var copy = valid.DeepClone().AsObject();
                copy[field] = value?.DeepClone();
                yield return copy;
            }

            var without = valid.DeepClone().AsObject();
            without.Remove(field);
            yield return without;
        }

        var member = valid["members"]![0]!.AsObject();
        foreach (var field in member.Select(p => p.Key).ToList())
        {
            foreach (var value in HostileValues)
            {
                var copy = valid.DeepClone().AsObject();
                copy["members"]![0]![field] = value?.DeepClone();
                yield return copy;
            }
        }

        var officer = valid["officers"]![0]!.AsObject();
        foreach (var field in officer.Select(p => p.Key).ToList())
        {
            foreach (var value in HostileValues)
            {
                var copy = valid.DeepClone().AsObject();
                copy["officers"]![0]![field] = value?.DeepClone();
                yield return copy;
            }
        }

        var extra = valid.DeepClone().AsObject();
        extra["id"] = Guid.NewGuid().ToString();
        extra["status"] = "Approved";
        extra["ownerId"] = Guid.NewGuid().ToString();
        yield return extra;
    }

    private static IEnumerable<byte[]> RawBodies()
    {
        yield return [];
        yield return "{"u8.ToArray();
        yield return "null"u8.ToArray();
        yield return "[1,2,3]"u8.ToArray();
        yield return [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]; // invalid UTF-8
        yield return [0xFF, 0xFE, 0x00, 0x00];
        yield return Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000));
        yield return Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 2_000_000) + "\"}");
        yield return "<xml/>"u8.ToArray();
    }

    [Theory]
    [InlineData("members", "[null]")]
    [InlineData("officers", "[null]")]
    [InlineData("members[]", "null")] // a null after the lawful members
    [InlineData("legalForm", null)] // missing: it used to default to COOP
    [InlineData("members[0].kind", null)] // missing: it used to default to NaturalPerson
    [InlineData("officers[0].role", null)] // missing: it used to default to President
    [InlineData("legalForm", "1")] // a number for an enum: it used to mean UNION
    [InlineData("members[0].gender", "0")]
    public async Task An_application_with_a_null_person_a_missing_kind_or_a_number_for_a_name_is_refused_with_400(string path, string? value)
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Cooperative()))!.AsObject();
        var node = value is null ? null : JsonNode.Parse(value);
        switch (path.Split('.'))
        {
            case ["members[]"]:
                body["members"]!.AsArray().Add(node);
                break;
            case [var field]:
                Set(body, field, node);
                break;
            case [var list, var field]:
                Set(body[list[..^3]]![0]!.AsObject(), field, node);
                break;
        }

        var before = await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications");
        var response = await owner.SendAsync(Json(HttpMethod.Post, "/api/v1/applications", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications"));
    }

    /// <summary>Sets a field, or removes it when the value is null (a missing field, not a JSON null).</summary>
    private static void Set(JsonObject target, string field, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(field);
        }
        else
        {
            target[field] = value;
        }
    }

    private static HttpRequestMessage Multipart(string applicationId, string kind, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        form.Add(new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00]), "file", fileName);
        return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{applicationId}/documents") { Content = form };
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, JsonNode body) =>
        new(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Raw(HttpMethod method, string path, byte[] body) =>
        new(method, path) { Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } } };

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
