using System.Net;
using System.Net.Http.Json;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Security;

/// <summary>
/// Every endpoint called as every actor. The target application belongs to <see cref="Actor.Owner"/> and
/// its seat is in region 06, where <see cref="Actor.OfficialOfRegion"/> works.
/// </summary>
public sealed class AuthorizationTableTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    private readonly RegistryApiFactory _api = api;
    private readonly Actors _actors = api.Actors;

    public enum Target
    {
        None,
        Draft,
        ReadyDraft,
        Submitted,
        Organization,
        FreshOrganization,
    }

    public sealed record Cell(string Method, string Path, Target Target, Actor Actor, HttpStatusCode Expected, string? Body = null)
    {
        public override string ToString() => $"{Method} {Path} as {Actor} → {(int)Expected}";
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    private static readonly Actor[] Everyone = Enum.GetValues<Actor>();

    // Expected status per actor, in the order of the Actor enum:
    // Anonymous, Owner, OtherApplicant, OfficialOfRegion, OfficialOfOtherRegion, Analyst, Administrator.
    private static readonly (string Method, string Path, Target Target, string? Body, HttpStatusCode[] Expected)[] Table =
    [
        ("POST", "/api/v1/applications", Target.None, "application", [Unauthorized, Created, Created, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("GET", "/api/v1/applications/{id}", Target.Submitted, null, [Unauthorized, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden]),
        ("GET", "/api/v1/applications/{id}", Target.Draft, null, [Unauthorized, Ok, NotFound, NotFound, NotFound, Forbidden, Forbidden]),
        ("PUT", "/api/v1/applications/{id}", Target.Draft, "application", [Unauthorized, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("POST", "/api/v1/applications/{id}/submit", Target.ReadyDraft, null, [Unauthorized, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("POST", "/api/v1/applications/{id}/approve", Target.Submitted, null, [Unauthorized, Forbidden, Forbidden, Ok, NotFound, Forbidden, Forbidden]),
        ("POST", "/api/v1/applications/{id}/reject", Target.Submitted, "reason", [Unauthorized, Forbidden, Forbidden, Ok, NotFound, Forbidden, Forbidden]),
        ("POST", "/api/v1/applications/{id}/request-changes", Target.Submitted, "comments", [Unauthorized, Forbidden, Forbidden, Ok, NotFound, Forbidden, Forbidden]),
        ("GET", "/api/v1/applications/{id}/history", Target.Submitted, null, [Unauthorized, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden]),
        ("GET", "/api/v1/review/applications", Target.None, null, [Unauthorized, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("GET", "/api/v1/organizations", Target.None, null, [Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("GET", "/api/v1/organizations/{number}", Target.Organization, null, [Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("GET", "/api/v1/organizations/{number}/history", Target.Organization, null, [Unauthorized, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden]),
        ("GET", "/api/v1/reference/regions", Target.None, null, [Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("GET", "/api/v1/applications/{id}/documents", Target.Submitted, null, [Unauthorized, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden]),
        ("POST", "/api/v1/applications/{id}/documents", Target.Draft, "document", [Unauthorized, Created, NotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("POST", "/api/v1/name-reservations", Target.None, "reservation", [Unauthorized, Created, Created, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("GET", "/api/v1/name-reservations", Target.None, null, [Unauthorized, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("POST", "/api/v1/organizations/{number}/declarations", Target.Organization, "declaration", [Unauthorized, Created, NotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("GET", "/api/v1/organizations/{number}/declarations", Target.Organization, null, [Unauthorized, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden]),
        ("GET", "/api/v1/organizations/{number}/compliance", Target.Organization, null, [Unauthorized, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden]),
        ("GET", "/api/v1/compliance/findings", Target.None, null, [Unauthorized, Ok, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("POST", "/api/v1/organizations/{number}/suspend", Target.FreshOrganization, "reason", [Unauthorized, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden]),
        ("POST", "/api/v1/organizations/{number}/strike-off", Target.FreshOrganization, "reason", [Unauthorized, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden]),
        ("POST", "/api/v1/organizations/{number}/dissolve", Target.FreshOrganization, "reason", [Unauthorized, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden]),
        ("POST", "/api/v1/admin/users", Target.None, "staff", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created]),
        ("GET", "/api/v1/admin/audit/verify", Target.None, null, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("GET", "/api/v1/admin/audit/verify?organization={number}", Target.Organization, null, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("GET", "/ops/hangfire", Target.None, null, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
    ];

    public static TheoryData<Cell> Cells()
    {
        var data = new TheoryData<Cell>();
        foreach (var (method, path, target, body, expected) in Table)
        {
            for (var i = 0; i < Everyone.Length; i++)
            {
                data.Add(new Cell(method, path, target, Everyone[i], expected[i], body));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_endpoint_answers_each_actor_as_the_table_says(Cell cell)
    {
        var owner = await _actors.ClientAsync(Actor.Owner);
        var path = cell.Target switch
        {
            Target.Draft => cell.Path.Replace("{id}", await owner.DraftAsync(), StringComparison.Ordinal),
            Target.ReadyDraft => cell.Path.Replace("{id}", await ReadyDraftAsync(owner), StringComparison.Ordinal),
            Target.Submitted => cell.Path.Replace("{id}", await owner.SubmittedAsync(), StringComparison.Ordinal),
            Target.Organization => cell.Path.Replace("{number}", await _actors.OrganizationAsync(), StringComparison.Ordinal),
            Target.FreshOrganization => cell.Path.Replace("{number}",
                await (await _actors.ClientAsync(Actor.OfficialOfRegion)).ApproveAsync(await owner.SubmittedAsync()), StringComparison.Ordinal),
            _ => cell.Path,
        };

        using var request = new HttpRequestMessage(new HttpMethod(cell.Method), path) { Content = BodyFor(cell.Body) };
        if (cell.Method == "PUT")
        {
            request.Headers.TryAddWithoutValidation("If-Match", await owner.ETagAsync(path.Split('/')[^1]));
        }

        var response = await (await _actors.ClientAsync(cell.Actor)).SendAsync(request);

        Assert.True(cell.Expected == response.StatusCode,
            $"{cell}: got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Refused_attempts_are_in_the_audit_trail()
    {
        var owner = await _actors.ClientAsync(Actor.Owner);
        var id = await owner.SubmittedAsync();
        Assert.Equal(NotFound, (await (await _actors.ClientAsync(Actor.OfficialOfOtherRegion)).GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(Forbidden, (await (await _actors.ClientAsync(Actor.Analyst)).PostAsync($"/api/v1/applications/{id}/approve", null)).StatusCode);
        Assert.Equal(NotFound, (await (await _actors.ClientAsync(Actor.OtherApplicant)).PostAsync($"/api/v1/applications/{id}/submit", null)).StatusCode);

        var refusals = await _api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE application_id = $1 AND outcome = 'Refused'", Guid.Parse(id));
        Assert.Equal(3, refusals);
        var roles = await _api.ScalarAsync<string>(
            "SELECT string_agg(actor_role || ':' || action, ',' ORDER BY id) FROM registry.audit_entries WHERE application_id = $1 AND outcome = 'Refused'", Guid.Parse(id));
        Assert.Equal("RegionalOfficial:application.read,MinistryAnalyst:access.forbidden,Applicant:application.submit", roles);
    }

    private static MultipartFormDataContent Document()
    {
        var file = new ByteArrayContent(Samples.Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent("Statutes"), "kind" }, { file, "file", "statuts.pdf" } };
    }

    private static MultipartFormDataContent Declaration()
    {
        var declaration = new { kind = "GeneralAssembly", effectiveOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var file = new ByteArrayContent(Samples.Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { JsonContent.Create(declaration), "declaration" }, { file, "document", "pv-ag.pdf" } };
    }

    private static async Task<string> ReadyDraftAsync(HttpClient owner)
    {
        var id = await owner.DraftAsync();
        await owner.CompleteAsync(id);
        return id;
    }

    private static HttpContent? BodyFor(string? body) => body switch
    {
        "application" => JsonContent.Create(Samples.Cooperative()),
        "reason" => JsonContent.Create(new { reason = "Dossier incomplet." }),
        "comments" => JsonContent.Create(new { comments = "Préciser l'adresse du siège." }),
        "document" => Document(),
        "declaration" => Declaration(),
        "reservation" => JsonContent.Create(new { legalForm = "COOP", nameLatin = Samples.UniqueLatin("Coopérative Réservée") }),
        "staff" => JsonContent.Create(new { email = $"analyst-{Guid.NewGuid():N}@registry.test", password = RegistryApiFactory.Password, role = "MinistryAnalyst" }),
        _ => null,
    };
}
