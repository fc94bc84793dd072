using System.Net;
using System.Net.Http.Json;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Compliance;

/// <summary>Each obligation of SPEC §5 seen before and after its due date, then kept by a declaration.</summary>
public sealed class ComplianceCheckTests(ComplianceApiFactory api) : IClassFixture<ComplianceApiFactory>
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task The_general_assembly_falls_due_six_months_after_the_year_end_and_the_accounts_30_days_after_it()
    {
        var (number, email) = await api.RegisterAsync(Registered);

        await SweepOn(new DateOnly(2026, 5, 30));
        Assert.Null(await api.FindingAsync(number, "GA_OVERDUE"));
        await SweepOn(new DateOnly(2026, 5, 31));
        Assert.Equal(("Upcoming", new DateOnly(2026, 6, 30), (string?)null), await api.FindingAsync(number, "GA_OVERDUE"));
        await SweepOn(new DateOnly(2026, 6, 30));
        Assert.Equal("Overdue", (await api.FindingAsync(number, "GA_OVERDUE"))?.Stage);
        await SweepOn(new DateOnly(2026, 9, 28));
        Assert.Equal("Overdue", (await api.FindingAsync(number, "GA_OVERDUE"))?.Stage);
        await SweepOn(new DateOnly(2026, 9, 29));
        Assert.Equal(("Escalated", new DateOnly(2026, 6, 30), "Reminder"), await api.FindingAsync(number, "GA_OVERDUE"));

        var owner = await api.OwnerOnAsync(new DateOnly(2026, 10, 1), email);
        await Declare(owner, number, new { kind = "GeneralAssembly", effectiveOn = "2026-09-30" }, Samples.Pdf);
        await api.SweepAsync();
        Assert.Equal("Resolved", (await api.FindingAsync(number, "GA_OVERDUE"))?.Stage);

        // The accounts are due 30 days after that assembly.
        Assert.Equal(("Upcoming", new DateOnly(2026, 10, 30), (string?)null), await api.FindingAsync(number, "ACCOUNTS_OVERDUE"));
        await SweepOn(new DateOnly(2026, 10, 31));
        Assert.Equal(("Overdue", new DateOnly(2026, 10, 30), (string?)null), await api.FindingAsync(number, "ACCOUNTS_OVERDUE"));
        owner = await api.OwnerOnAsync(new DateOnly(2026, 11, 2), email);
        await Declare(owner, number, new { kind = "AnnualAccounts", effectiveOn = "2026-11-01", financialYear = 2025, turnover = 250000 }, Samples.Pdf);
        await api.SweepAsync();
        Assert.Equal("Resolved", (await api.FindingAsync(number, "ACCOUNTS_OVERDUE"))?.Stage);
    }

    [Fact]
    public async Task An_assembly_never_held_stays_owed_from_its_first_due_date_when_the_next_year_ends()
    {
        var (number, _) = await api.RegisterAsync(Registered);

        // The 2025 assembly was due 2026-06-30; the 2026 year end does not wipe it out.
        await SweepOn(new DateOnly(2027, 1, 5));
        Assert.Equal(("Escalated", new DateOnly(2026, 6, 30), "Suspension"), await api.FindingAsync(number, "GA_OVERDUE"));
        await SweepOn(new DateOnly(2027, 3, 1));
        Assert.Equal(("Escalated", new DateOnly(2026, 6, 30), "Suspension"), await api.FindingAsync(number, "GA_OVERDUE"));
    }

    [Fact]
    public async Task After_an_assembly_the_next_one_is_owed_six_months_after_the_following_year_end()
    {
        var (number, email) = await api.RegisterAsync(Registered);
        var owner = await api.OwnerOnAsync(new DateOnly(2026, 5, 20), email);
        await Declare(owner, number, new { kind = "GeneralAssembly", effectiveOn = "2026-05-15" }, Samples.Pdf);

        await SweepOn(new DateOnly(2027, 5, 30));
        Assert.Null(await api.FindingAsync(number, "GA_OVERDUE"));
        await SweepOn(new DateOnly(2027, 5, 31));
        Assert.Equal(("Upcoming", new DateOnly(2027, 6, 30), (string?)null), await api.FindingAsync(number, "GA_OVERDUE"));
        await SweepOn(new DateOnly(2027, 7, 1));
        Assert.Equal(("Overdue", new DateOnly(2027, 6, 30), (string?)null), await api.FindingAsync(number, "GA_OVERDUE"));
    }

    [Fact]
    public async Task A_mutual_that_never_sends_its_return_stays_owed_from_its_first_due_date()
    {
        var (number, _) = await api.RegisterAsync(Registered, Samples.Mutual());

        await SweepOn(new DateOnly(2027, 1, 10));
        Assert.Equal(("Escalated", new DateOnly(2026, 3, 31), "Suspension"), await api.FindingAsync(number, "ANNUAL_RETURN_OVERDUE"));
    }

    [Fact]
    public async Task A_mandate_is_upcoming_30_days_before_its_end_and_overdue_after_until_renewed()
    {
        var (number, email) = await api.RegisterAsync(Registered); // the manager's mandate ends 2029-01-15

        await SweepOn(new DateOnly(2028, 12, 15));
        Assert.Null(await api.FindingAsync(number, "MANDATE_EXPIRED"));
        await SweepOn(new DateOnly(2028, 12, 16));
        Assert.Equal("Upcoming", (await api.FindingAsync(number, "MANDATE_EXPIRED"))?.Stage);
        await SweepOn(new DateOnly(2029, 1, 15));
        Assert.Equal("Overdue", (await api.FindingAsync(number, "MANDATE_EXPIRED"))?.Stage);

        var owner = await api.OwnerOnAsync(new DateOnly(2029, 1, 20), email);
        await Declare(owner, number, new
        {
            kind = "ManagementChange", effectiveOn = "2029-01-20",
            officers = new[] { new { role = "Manager", fullNameLatin = "Nouvelle Gérante", cin = "AB999999", birthDate = "1980-01-01", nationality = "MA", mandateStart = "2029-01-20", mandateEnd = "2032-01-20" } },
        });
        await api.SweepAsync();
        Assert.Equal("Resolved", (await api.FindingAsync(number, "MANDATE_EXPIRED"))?.Stage);
    }

    [Fact]
    public async Task Below_the_minimum_of_members_is_overdue_at_once_and_a_striking_off_ground_after_a_year()
    {
        var (number, email) = await api.RegisterAsync(Registered);
        var owner = await api.OwnerOnAsync(new DateOnly(2025, 6, 1), email);
        var filed = await Declare(owner, number, new { kind = "MemberChange", effectiveOn = "2025-06-01", leaving = new[] { "D112233" } });
        Assert.Equal(4, (int)filed["memberCount"]!);

        await SweepOn(new DateOnly(2025, 6, 1));
        Assert.Equal(("Overdue", new DateOnly(2025, 6, 1), (string?)null), await api.FindingAsync(number, "BELOW_MIN_MEMBERS"));
        await SweepOn(new DateOnly(2026, 6, 1));
        Assert.Equal(("Escalated", new DateOnly(2025, 6, 1), "StrikeOffReferral"), await api.FindingAsync(number, "BELOW_MIN_MEMBERS"));

        owner = await api.OwnerOnAsync(new DateOnly(2026, 6, 2), email);
        await Declare(owner, number, new
        {
            kind = "MemberChange", effectiveOn = "2026-06-02",
            joining = new[] { new { kind = "NaturalPerson", fullNameLatin = "Nouveau Membre", cin = "AB777777", birthDate = "1990-01-01", gender = "Female", nationality = "MA", sharesSubscribed = 10, sharesPaid = 10 } },
        });
        await api.SweepAsync();
        Assert.Equal("Resolved", (await api.FindingAsync(number, "BELOW_MIN_MEMBERS"))?.Stage);
    }

    [Fact]
    public async Task Capital_must_be_paid_three_years_after_registration_and_two_silent_years_are_a_ground()
    {
        var (number, _) = await api.RegisterAsync(Registered); // 5,000 MAD subscribed, 3,100 paid

        await SweepOn(new DateOnly(2028, 1, 30));
        Assert.Null(await api.FindingAsync(number, "CAPITAL_NOT_PAID"));
        await SweepOn(new DateOnly(2028, 1, 31));
        Assert.Equal(("Upcoming", new DateOnly(2028, 3, 1), (string?)null), await api.FindingAsync(number, "CAPITAL_NOT_PAID"));
        await SweepOn(new DateOnly(2028, 3, 1));
        Assert.Equal("Overdue", (await api.FindingAsync(number, "CAPITAL_NOT_PAID"))?.Stage);

        // No declaration since registration: inactive two years on, escalated at once as a ground for striking off.
        Assert.Equal(("Escalated", new DateOnly(2027, 3, 1), "StrikeOffReferral"), await api.FindingAsync(number, "INACTIVE"));
    }

    [Fact]
    public async Task Over_50_members_a_cooperative_needs_a_board_and_over_10_MDH_an_auditor()
    {
        var (number, email) = await api.RegisterAsync(Registered);
        var owner = await api.OwnerOnAsync(new DateOnly(2025, 5, 1), email);
        var joining = Enumerable.Range(0, 46).Select(i => new
        {
            kind = "NaturalPerson", fullNameLatin = $"Membre {i}", cin = $"M{100000 + i}", birthDate = "1990-01-01", gender = i % 2 == 0 ? "Female" : "Male",
            nationality = "MA", sharesSubscribed = 1, sharesPaid = 1,
        }).ToArray();
        Assert.Equal(51, (int)(await Declare(owner, number, new { kind = "MemberChange", effectiveOn = "2025-05-01", joining }))["memberCount"]!);
        await Declare(owner, number, new { kind = "AnnualAccounts", effectiveOn = "2025-04-30", financialYear = 2023, turnover = 12_000_000 }, Samples.Pdf);
        await Declare(owner, number, new { kind = "AnnualAccounts", effectiveOn = "2025-04-30", financialYear = 2024, turnover = 11_000_000 }, Samples.Pdf);

        await SweepOn(new DateOnly(2025, 5, 1));
        Assert.Equal(("Overdue", new DateOnly(2025, 5, 1), (string?)null), await api.FindingAsync(number, "BOARD_REQUIRED"));
        Assert.Equal("Overdue", (await api.FindingAsync(number, "AUDITOR_REQUIRED"))?.Stage);

        // The due date stays the day it was first found, and escalation follows from it.
        await SweepOn(new DateOnly(2025, 7, 31));
        Assert.Equal(("Escalated", new DateOnly(2025, 5, 1), "Reminder"), await api.FindingAsync(number, "BOARD_REQUIRED"));

        owner = await api.OwnerOnAsync(new DateOnly(2025, 8, 1), email);
        var board = new[] { "President", "Secretary", "Treasurer", "Auditor" }.Select((role, i) => new
        {
            role, fullNameLatin = $"Administrateur {i}", cin = $"B{200000 + i}", birthDate = "1980-01-01", nationality = "MA", mandateStart = "2025-08-01", mandateEnd = "2028-08-01",
        }).ToArray();
        await Declare(owner, number, new { kind = "ManagementChange", effectiveOn = "2025-08-01", officers = board });
        await api.SweepAsync();
        Assert.Equal("Resolved", (await api.FindingAsync(number, "BOARD_REQUIRED"))?.Stage);
        Assert.Equal("Resolved", (await api.FindingAsync(number, "AUDITOR_REQUIRED"))?.Stage);
    }

    [Fact]
    public async Task An_association_declares_its_board_within_a_month_of_the_term()
    {
        var (number, email) = await api.RegisterAsync(Registered, Samples.Association()); // board term ends 2029-02-01

        await SweepOn(new DateOnly(2029, 2, 28));
        Assert.Equal(("Upcoming", new DateOnly(2029, 3, 1), (string?)null), await api.FindingAsync(number, "BOARD_CHANGE_UNDECLARED"));
        await SweepOn(new DateOnly(2029, 3, 1));
        Assert.Equal("Overdue", (await api.FindingAsync(number, "BOARD_CHANGE_UNDECLARED"))?.Stage);

        var owner = await api.OwnerOnAsync(new DateOnly(2029, 3, 2), email);
        await Declare(owner, number, new { kind = "BoardChange", effectiveOn = "2029-03-02", noChange = true, newMandateEnd = "2032-03-02" });
        await api.SweepAsync();
        Assert.Equal("Resolved", (await api.FindingAsync(number, "BOARD_CHANGE_UNDECLARED"))?.Stage);
        Assert.Equal("Resolved", (await api.FindingAsync(number, "MANDATE_EXPIRED"))?.Stage);
    }

    [Fact]
    public async Task A_mutual_sends_its_annual_return_in_the_first_three_months()
    {
        var (number, email) = await api.RegisterAsync(Registered, Samples.Mutual());

        await SweepOn(new DateOnly(2026, 2, 28));
        Assert.Null(await api.FindingAsync(number, "ANNUAL_RETURN_OVERDUE"));
        await SweepOn(new DateOnly(2026, 3, 1));
        Assert.Equal(("Upcoming", new DateOnly(2026, 3, 31), (string?)null), await api.FindingAsync(number, "ANNUAL_RETURN_OVERDUE"));
        await SweepOn(new DateOnly(2026, 4, 1));
        Assert.Equal("Overdue", (await api.FindingAsync(number, "ANNUAL_RETURN_OVERDUE"))?.Stage);

        var owner = await api.OwnerOnAsync(new DateOnly(2026, 4, 2), email);
        await Declare(owner, number, new { kind = "MutualAnnualReturn", effectiveOn = "2026-04-01", financialYear = 2025, memberCount = 120, investments = 50000, income = 80000, expenses = 60000 });
        await api.SweepAsync();
        Assert.Equal("Resolved", (await api.FindingAsync(number, "ANNUAL_RETURN_OVERDUE"))?.Stage);
    }

    [Fact]
    public async Task A_lapsed_name_reservation_is_a_finding_with_a_notice_to_its_holder()
    {
        api.Clock.Set(new DateOnly(2026, 1, 10));
        var holder = await api.NewApplicantAsync();
        var reserved = await holder.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = Samples.UniqueLatin("Coopérative Oubliée") });
        var id = Guid.Parse((string)(await reserved.ReadJsonAsync())["id"]!);

        await SweepOn(new DateOnly(2026, 3, 10));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.findings WHERE subject_id = $1", id));
        await SweepOn(new DateOnly(2026, 3, 12));
        Assert.Equal("Overdue", await api.ScalarAsync<string>("SELECT stage FROM registry.findings WHERE subject_id = $1 AND rule_code = 'RESERVATION_EXPIRED'", id));
        Assert.Equal(1L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.outbox_messages m JOIN registry.findings f ON f.id = m.finding_id WHERE f.subject_id = $1", id));
    }

    private async Task SweepOn(DateOnly date)
    {
        api.Clock.Set(date);
        var result = await api.SweepAsync();
        Assert.True(result.Ran);
    }

    [Fact]
    public async Task New_members_and_officers_are_held_to_the_person_rules_and_only_members_can_leave()
    {
        var (number, email) = await api.RegisterAsync(Registered);
        var owner = await api.OwnerOnAsync(new DateOnly(2025, 6, 1), email);
        static object Member(string cin, string birthDate) => new
        {
            kind = "NaturalPerson", fullNameLatin = "Nouveau Membre", cin, birthDate, gender = "Male", nationality = "MA", sharesSubscribed = 1, sharesPaid = 1,
        };
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM registry.organization_members m JOIN registry.organizations o ON o.id = m.organization_id WHERE o.registration_number = $1", number);

        async Task<List<string>> Refused(object body, HttpStatusCode status)
        {
            var response = await owner.DeclareAsync(number, body);
            var problem = await Contract.ErrorContractTests.AssertProblem(response, status);
            return status == HttpStatusCode.UnprocessableEntity
                ? [.. problem["rules"]!.AsArray().Select(r => (string)r!["code"]!)]
                : [.. problem["errors"]!.AsObject().Select(e => e.Key)];
        }

        Assert.Equal(["PERSON_CIN"], await Refused(new { kind = "MemberChange", effectiveOn = "2025-06-01", joining = new[] { Member("bad cin", "1990-01-01") } }, HttpStatusCode.UnprocessableEntity));
        Assert.Equal(["PERSON_CIN"], await Refused(new { kind = "MemberChange", effectiveOn = "2025-06-01", joining = new[] { Member("AB123456", "1990-01-01") } }, HttpStatusCode.UnprocessableEntity)); // already a member's
        Assert.Equal(["PERSON_ADULT"], await Refused(new { kind = "MemberChange", effectiveOn = "2025-06-01", joining = new[] { Member("JB100000", "2010-01-01") } }, HttpStatusCode.UnprocessableEntity));
        var manager = new { role = "Manager", fullNameLatin = "Gérant Mineur", cin = "AB555555", birthDate = "2010-01-01", nationality = "MA", mandateStart = "2025-06-01", mandateEnd = "2028-06-01" };
        Assert.Equal(["PERSON_ADULT"], await Refused(new { kind = "ManagementChange", effectiveOn = "2025-06-01", officers = new[] { manager } }, HttpStatusCode.UnprocessableEntity));
        Assert.Equal(["leaving[0]"], await Refused(new { kind = "MemberChange", effectiveOn = "2025-06-01", leaving = new[] { "NOPE999" } }, HttpStatusCode.BadRequest));
        Assert.Contains("officers", await Refused(new { kind = "ManagementChange", effectiveOn = "2025-06-01" }, HttpStatusCode.BadRequest)); // was a 500
        Assert.Contains("kind", await Refused(new { effectiveOn = "2025-06-01" }, HttpStatusCode.BadRequest)); // was the first kind by default

        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organization_members m JOIN registry.organizations o ON o.id = m.organization_id WHERE o.registration_number = $1", number));
        Assert.Equal(6, (int)(await Declare(owner, number, new { kind = "MemberChange", effectiveOn = "2025-06-01", joining = new[] { Member("JB100000", "1990-01-01") } }))["memberCount"]!);

        // What the register already held (an officer imported without a birth date) neither blocks a filing nor excuses a new minor.
        await api.ScalarAsync<int>("UPDATE registry.organization_officers SET birth_date = NULL WHERE organization_id = (SELECT id FROM registry.organizations WHERE registration_number = $1)", number);
        Assert.Equal(7, (int)(await Declare(owner, number, new { kind = "MemberChange", effectiveOn = "2025-06-01", joining = new[] { Member("JB100001", "1990-01-01") } }))["memberCount"]!);
        Assert.Equal(["PERSON_ADULT"], await Refused(new { kind = "MemberChange", effectiveOn = "2025-06-01", joining = new[] { Member("JB100002", "2012-01-01") } }, HttpStatusCode.UnprocessableEntity));

        // A detail left out is not judged by a declaration (registration asks for it): an officer named in Arabic only.
        await Declare(owner, number, new
        {
            kind = "ManagementChange", effectiveOn = "2025-06-01",
            officers = new[] { new { role = "Manager", fullNameAr = "سعيد الفاسي", mandateStart = "2025-06-01", mandateEnd = "2028-06-01" } },
        });

        // A date before the law's first rule set (an organisation of an older register) is judged by the earliest set, not a 500.
        await Declare(owner, number, new { kind = "GeneralAssembly", effectiveOn = "2013-06-30" }, Samples.Pdf);
        Assert.Equal(["PERSON_ADULT"], await Refused(new { kind = "MemberChange", effectiveOn = "2010-01-01", joining = new[] { Member("JB100003", "2000-01-01") } }, HttpStatusCode.UnprocessableEntity));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> Declare(HttpClient owner, string number, object body, byte[]? document = null)
    {
        var response = await owner.DeclareAsync(number, body, document);
        await WorkflowSteps.Expect(response, HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }
}
