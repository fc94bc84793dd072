using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Registry.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.IntegrationTests.Hostile;

/// <summary>
/// Hostile requests generated from the OpenAPI document itself, so a new endpoint is attacked the day it is added:
/// for every operation and every kind of caller, each path and query parameter gets each hostile string, each
/// field of a JSON body gets each hostile value (wrong types, nulls, huge, empty, control characters, bidi
/// overrides, SQL and HTML fragments, traversal, bad dates, enormous numbers) or goes missing, extra fields are
/// added, and raw bodies arrive malformed, as invalid UTF-8 or under the wrong content type. None may answer 500,
/// every refusal is a documented problem response, and a refused request writes nothing: row triggers count every
/// write to the registry's tables (refusal audits aside, which are the point of refusing).
/// </summary>
public sealed class OpenApiFuzzTests(RegistryApiFactory api, ITestOutputHelper output) : IClassFixture<RegistryApiFactory>
{
    private static readonly int[] Documented = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 429];

    private static readonly string[] HostileStrings =
    [
        "", " ", "\u0000", "a\u0001b", "\u202Eevil\u202C", "\u200F\u2066x\u2069", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "' OR 1=1 --", "'; DROP TABLE registry.organizations; --", "\" OR \"\"=\"", "../../etc/passwd", "..\\..\\windows\\win.ini",
        "%00", "%2e%2e%2f", "تعاونية\u0640\u0640 Coop", "\uD800", "😀", "-1", "0", "-99999999999999999999", "99999999999999999999",
        "1e309", "NaN", "null", "true", "2026-02-30", "0000-00-00", "31/12/2026", "9999-12-31T23:59:59Z", "COOP-06-2026-000001'",
        "${jndi:ldap://x}", "{{7*7}}", new string('x', 10_000), new string('ت', 500),
    ];

    private static readonly JsonNode?[] HostileValues =
    [
        null, JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue), JsonValue.Create(1.5),
        JsonValue.Create(1e308), JsonValue.Create(true), new JsonArray(), new JsonArray(JsonValue.Create(1), null), new JsonObject(),
        new JsonObject { ["$ref"] = "#/x" }, .. HostileStrings.Select(s => (JsonNode?)JsonValue.Create(s)),
    ];

    private static readonly (string ContentType, byte[] Body)[] RawBodies =
    [
        ("application/json", []),
        ("application/json", "{"u8.ToArray()),
        ("application/json", "null"u8.ToArray()),
        ("application/json", "[1,2,3]"u8.ToArray()),
        ("application/json", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]),
        ("application/json", [0xFF, 0xFE, 0x00, 0x00]),
        ("application/json", Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000))),
        ("application/json", Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 1_100_000) + "\"}")),
        ("application/xml", "<xml/>"u8.ToArray()),
        ("text/plain", "hello"u8.ToArray()),
        ("multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x.pdf\"\r\n\r\nMZ\r\n--zz--"u8.ToArray()),
        ("application/x-www-form-urlencoded", "a=1&b=%FF"u8.ToArray()),
    ];

    [Fact]
    public async Task Ten_thousand_requests_generated_from_the_OpenAPI_document_get_no_500_and_refusals_write_nothing()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = await api.Actors.ClientAsync(Actor.Anonymous),
            ["applicant"] = await api.Actors.ClientAsync(Actor.Owner),
            ["official"] = await api.Actors.ClientAsync(Actor.OfficialOfRegion),
            ["analyst"] = await api.Actors.ClientAsync(Actor.Analyst),
            ["administrator"] = await api.Actors.ClientAsync(Actor.Administrator),
        };
        var owner = clients["applicant"];
        var number = await api.Actors.OrganizationAsync();
        var draft = await owner.DraftAsync();
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = draft, ["applicationId"] = draft, ["registrationNumber"] = number, ["number"] = number,
        };

        var document = JsonNode.Parse(await (await clients["anonymous"].GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        await InstallWriteCounterAsync();
        var counted = await WritesAsync();
        await owner.DraftAsync();
        Assert.True(await WritesAsync() > counted, "the write counter did not see a draft being written: the check would be blind");

        var requests = new List<(string Caller, Func<HttpRequestMessage> Build)>();
        var operations = 0;
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (operationNode is not JsonObject operation || !IsHttpMethod(method))
                {
                    continue;
                }

                operations++;
                var httpMethod = new HttpMethod(method.ToUpperInvariant());
                var parameters = (operation["parameters"] as JsonArray ?? []).Concat(item["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                var pathParameters = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
                var queryParameters = parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList();
                var jsonSchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                var body = jsonSchema is null ? null : Example(Resolve(jsonSchema, schemas), schemas, 0) as JsonObject;

                string PathWith(string? hostileName, string? hostileValue) => pathParameters.Aggregate(template, (path, name) =>
                    path.Replace("{" + name + "}", name == hostileName ? Uri.EscapeDataString(hostileValue!) : known.GetValueOrDefault(name, Guid.NewGuid().ToString()), StringComparison.Ordinal));

                HttpRequestMessage Build(string path, JsonNode? json) =>
                    new(httpMethod, path) { Content = json is null ? null : new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json") };

                // Log-out ends every session of the caller's account: the callers' tokens must live to the end, so it is
                // tried by the anonymous visitor only (SessionTests covers it signed in).
                var callers = template.EndsWith("/logout", StringComparison.Ordinal) ? ["anonymous"] : clients.Keys.ToList();
                foreach (var caller in callers)
                {
                    requests.Add((caller, () => Build(PathWith(null, null), body)));
                    foreach (var name in pathParameters)
                    {
                        foreach (var text in HostileStrings)
                        {
                            requests.Add((caller, () => Build(PathWith(name, text), body)));
                        }
                    }

                    foreach (var name in queryParameters)
                    {
                        foreach (var text in HostileStrings)
                        {
                            requests.Add((caller, () => Build($"{PathWith(null, null)}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(text)}", body)));
                        }
                    }
                }

                if (httpMethod == HttpMethod.Get || httpMethod == HttpMethod.Delete)
                {
                    continue;
                }

                // Bodies: as the caller most likely to get past authorization, and as an anonymous visitor.
                foreach (var caller in new[] { CallerOf(template), "anonymous" }.Where(callers.Contains))
                {
                    foreach (var (contentType, raw) in RawBodies)
                    {
                        requests.Add((caller, () => new HttpRequestMessage(httpMethod, PathWith(null, null))
                        {
                            Content = new ByteArrayContent(raw) { Headers = { { "Content-Type", contentType } } },
                        }));
                    }

                    if (body is null)
                    {
                        continue;
                    }

                    foreach (var json in Mutations(body))
                    {
                        requests.Add((caller, () => Build(PathWith(null, null), json)));
                    }
                }
            }
        }

        var failures = new List<string>();
        var sent = 0;
        var refused = 0;
        var byStatus = new SortedDictionary<int, int>();
        foreach (var (caller, build) in requests)
        {
            HttpRequestMessage request;
            try
            {
                request = build();
            }
            catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
            {
                continue; // the client library cannot even express this request
            }

            using (request)
            {
                var before = await WritesAsync();
                HttpResponseMessage response;
                try
                {
                    response = await clients[caller].SendAsync(request);
                }
                catch (InvalidOperationException)
                {
                    continue; // HttpClient refuses to send it (Kestrel would answer 400 itself)
                }

                sent++;
                var status = (int)response.StatusCode;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (status < 400)
                {
                    continue;
                }

                refused++;
                var description = $"{caller} {request.Method} {Shorten(request.RequestUri!.OriginalString)}";
                if (status >= 500 || !Documented.Contains(status))
                {
                    var content = request.Content is null ? "" : Shorten(await request.Content.ReadAsStringAsync());
                    failures.Add($"{description} {content} → {status}: {Shorten(await response.Content.ReadAsStringAsync())}");
                }
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" && status != 405)
                {
                    failures.Add($"{description} → {status} without problem details ({response.Content.Headers.ContentType})");
                }

                if (await WritesAsync() != before)
                {
                    failures.Add($"{description} → {status} but rows were written");
                }
            }
        }

        output.WriteLine($"{operations} operations, {requests.Count} requests generated, {sent} sent, {refused} refused, {failures.Count} failures");
        output.WriteLine(string.Join(", ", byStatus.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(sent >= 10_000, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(40)));
    }

    private static string CallerOf(string template) => template switch
    {
        _ when template.StartsWith("/api/v1/admin", StringComparison.Ordinal) => "administrator",
        _ when template.StartsWith("/api/v1/statistics", StringComparison.Ordinal) => "analyst",
        _ when template.StartsWith("/api/v1/review", StringComparison.Ordinal) || template.Contains("approve", StringComparison.Ordinal)
            || template.Contains("reject", StringComparison.Ordinal) || template.Contains("request-changes", StringComparison.Ordinal)
            || template.Contains("suspend", StringComparison.Ordinal) || template.Contains("reinstate", StringComparison.Ordinal)
            || template.Contains("strike-off", StringComparison.Ordinal) => "official",
        _ => "applicant",
    };

    private static bool IsHttpMethod(string name) => name is "get" or "post" or "put" or "patch" or "delete";

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static JsonNode Resolve(JsonNode schema, JsonObject? schemas) =>
        schema["$ref"] is { } reference && schemas?[((string)reference!).Split('/')[^1]] is { } target ? Resolve(target, schemas) : schema;

    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue type => (string?)type,
        _ => schema["properties"] is not null ? "object" : null,
    };

    /// <summary>A plausible value for a schema: enough shape for the hostile variants to reach validation.</summary>
    private static JsonNode? Example(JsonNode schema, JsonObject? schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (depth > 4)
        {
            return null;
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }

        if ((schema["anyOf"] ?? schema["oneOf"]) is JsonArray alternatives)
        {
            return alternatives.OfType<JsonNode>().Select(a => Example(a, schemas, depth + 1)).FirstOrDefault(v => v is not null);
        }

        return TypeOf(schema) switch
        {
            "object" => new JsonObject((schema["properties"] as JsonObject ?? []).Select(p =>
                KeyValuePair.Create(p.Key, p.Value is null ? null : Example(p.Value, schemas, depth + 1)))),
            "array" => schema["items"] is { } items ? new JsonArray(Example(items, schemas, depth + 1)) : new JsonArray(),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(100),
            "boolean" => JsonValue.Create(true),
            "string" => (string?)schema["format"] switch
            {
                "date" => JsonValue.Create("2026-01-15"),
                "date-time" => JsonValue.Create("2026-01-15T10:00:00Z"),
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                _ => JsonValue.Create("Coopérative Essai"),
            },
            _ => JsonValue.Create("x"),
        };
    }

    private static IEnumerable<JsonNode> Mutations(JsonObject valid)
    {
        yield return new JsonObject();
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

        var extra = valid.DeepClone().AsObject();
        extra["id"] = Guid.NewGuid().ToString();
        extra["status"] = "Approved";
        extra["ownerId"] = Guid.NewGuid().ToString();
        extra["__proto__"] = new JsonObject { ["admin"] = true };
        yield return extra;
    }

    /// <summary>
    /// Counts every row written to the registry's tables (and successful audit entries) in this test's database. The audit
    /// chains' heads are left out: the audit trigger moves a chain's head with every entry, refusals included.
    /// </summary>
    private async Task InstallWriteCounterAsync()
    {
        await using var connection = await api.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'registry' AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_entries', 'audit_chain_heads')",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sql = new StringBuilder("""
            CREATE TABLE IF NOT EXISTS public.fuzz_writes (n bigint NOT NULL);
            INSERT INTO public.fuzz_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM public.fuzz_writes);
            CREATE OR REPLACE FUNCTION public.fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN UPDATE public.fuzz_writes SET n = n + 1; RETURN NULL; END $$;
            CREATE OR REPLACE TRIGGER fuzz_count AFTER INSERT ON registry.audit_entries FOR EACH ROW WHEN (NEW.outcome = 'Succeeded') EXECUTE FUNCTION public.fuzz_count();
            """);
        foreach (var table in tables)
        {
            sql.AppendLine($"CREATE OR REPLACE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION public.fuzz_count();");
        }

        await using var command = new NpgsqlCommand(sql.ToString(), connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> WritesAsync() => await api.ScalarAsync<long>("SELECT n FROM public.fuzz_writes");
}
