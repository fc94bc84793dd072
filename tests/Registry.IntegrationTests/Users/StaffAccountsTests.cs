using FluentValidation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Security;
using Registry.Application.Users;
using Registry.Application.Users.Commands.SetStaffRegions;
using Registry.Application.Users.Queries.GetStaffUser;
using Registry.Application.Users.Queries.ListStaffUsers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Users;

/// <summary>The administrator's staff list and an official's regions (the admin web pages' use cases), on real Identity tables.</summary>
public sealed class StaffAccountsTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task The_staff_list_pages_by_email_with_roles_and_regions_and_no_applicants()
    {
        var (_, official) = await api.NewStaffWithEmailAsync("RegionalOfficial", "07", "05");
        var (_, analyst) = await api.NewStaffWithEmailAsync("MinistryAnalyst");
        var (_, applicant) = await api.NewApplicantWithEmailAsync();
        var admin = await AdminIdAsync();

        var all = new List<StaffUserItem>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.SendAsAsync(admin, Roles.Administrator, sender => sender.Send(new ListStaffUsers(cursor, 2)));
            Assert.True(page.Items.Count <= 2);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.True(pages >= 2, $"{all.Count} accounts came in {pages} page(s) of 2");
        Assert.Equal(all.Select(s => s.Email.ToUpperInvariant()).Order(StringComparer.Ordinal), all.Select(s => s.Email.ToUpperInvariant()));
        Assert.Equal(all.Count, all.Select(s => s.Id).Distinct().Count());
        Assert.Equal($"{Roles.RegionalOfficial} 05,07", Line(all, official));
        Assert.Equal($"{Roles.MinistryAnalyst} ", Line(all, analyst));
        Assert.Equal($"{Roles.Administrator} ", Line(all, RegistryApiFactory.AdminEmail));
        Assert.DoesNotContain(all, s => s.Email == applicant);
    }

    [Theory]
    [InlineData("RegionalOfficial")]
    [InlineData("MinistryAnalyst")]
    [InlineData("Applicant")]
    public async Task Only_an_administrator_lists_or_reads_staff_and_each_refusal_is_audited(string role)
    {
        var email = role == Roles.Applicant
            ? (await api.NewApplicantWithEmailAsync()).Email
            : (await api.NewStaffWithEmailAsync(role, role == Roles.RegionalOfficial ? ["05"] : [])).Email;
        var id = await api.UserIdAsync(email);
        var regions = role == Roles.RegionalOfficial ? new[] { "05" } : [];

        await Assert.ThrowsAsync<ForbiddenException>(() => api.SendAsAsync(id, role, sender => sender.Send(new ListStaffUsers()), regions));
        await Assert.ThrowsAsync<ForbiddenException>(() => api.SendAsAsync(id, role, sender => sender.Send(new GetStaffUser(id)), regions));
        await Assert.ThrowsAsync<ForbiddenException>(() => api.SendAsAsync(id, role, sender => sender.Send(new SetStaffRegions(id, ["07"])), regions));

        Assert.Equal(3L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE actor_id = $1 AND outcome = 'Refused' AND action IN ('staff.list', 'staff.read', 'staff.set-regions')", id));
        Assert.Equal(role == Roles.RegionalOfficial ? "{05}" : "{}", await api.ScalarAsync<string>("SELECT region_codes::text FROM identity.users WHERE id = $1", id));
    }

    [Theory]
    [InlineData("ar-MA", "لحساب الموظفين أحد الأدوار")]
    [InlineData("fr-MA", "Un compte du personnel a l'un des rôles")]
    public async Task A_role_that_is_not_staff_is_refused_in_the_callers_language(string culture, string expected)
    {
        var admin = await AdminIdAsync();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => api.SendAsAsync(admin, Roles.Administrator,
                sender => sender.Send(new Registry.Application.Users.Commands.CreateStaffUser.CreateStaffUser($"role-{Guid.NewGuid():N}@staff.test", "Str0ng!Passw0rd", "Applicant", null))));
            var message = Assert.Single(refused.Errors, e => e.PropertyName == "Role").ErrorMessage;
            Assert.StartsWith(expected, message, StringComparison.Ordinal);
            Assert.Contains(Roles.RegionalOfficial, message, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_cursor_this_list_did_not_give_is_refused()
    {
        var admin = await AdminIdAsync();
        await Assert.ThrowsAsync<ValidationException>(() => api.SendAsAsync(admin, Roles.Administrator, sender => sender.Send(new ListStaffUsers("not-a-cursor!"))));
        await Assert.ThrowsAsync<ValidationException>(() => api.SendAsAsync(admin, Roles.Administrator, sender => sender.Send(new ListStaffUsers(null, 0))));
    }

    [Fact]
    public async Task An_administrator_changes_an_officials_regions_audited_with_a_new_security_stamp()
    {
        var (_, email) = await api.NewStaffWithEmailAsync("RegionalOfficial", "05");
        var id = await api.UserIdAsync(email);
        var stampBefore = await api.ScalarAsync<string>("SELECT security_stamp FROM identity.users WHERE id = $1", id);
        var admin = await AdminIdAsync();

        var changed = await api.SendAsAsync(admin, Roles.Administrator, sender => sender.Send(new SetStaffRegions(id, ["07", "05", "07"])));

        Assert.Equal(["05", "07"], changed.RegionCodes);
        Assert.Equal("{05,07}", await api.ScalarAsync<string>("SELECT region_codes::text FROM identity.users WHERE id = $1", id));
        Assert.NotEqual(stampBefore, await api.ScalarAsync<string>("SELECT security_stamp FROM identity.users WHERE id = $1", id));
        Assert.Equal(1L, await api.ScalarAsync<long>(
            """
            SELECT count(*) FROM registry.audit_entries
            WHERE action = 'staff.regions-changed' AND outcome = 'Succeeded' AND actor_id = $1 AND actor_role = 'Administrator'
              AND changes->>'userId' = $2 AND changes->'regionCodes' = '["05","07"]'::jsonb
            """,
            admin, id.ToString()));
        var read = await api.SendAsAsync(admin, Roles.Administrator, sender => sender.Send(new GetStaffUser(id)));
        Assert.Equal(["05", "07"], read.RegionCodes);
    }

    [Fact]
    public async Task Regions_are_only_an_officials_and_only_the_twelve()
    {
        var admin = await AdminIdAsync();
        var (_, analystEmail) = await api.NewStaffWithEmailAsync("MinistryAnalyst");
        var (_, applicantEmail) = await api.NewApplicantWithEmailAsync();
        var (_, officialEmail) = await api.NewStaffWithEmailAsync("RegionalOfficial", "07");
        var official = await api.UserIdAsync(officialEmail);

        foreach (var notAnOfficial in new[] { await api.UserIdAsync(analystEmail), await api.UserIdAsync(applicantEmail), Guid.NewGuid() })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => api.SendAsAsync(admin, Roles.Administrator, sender => sender.Send(new SetStaffRegions(notAnOfficial, ["05"]))));
        }

        await Assert.ThrowsAsync<NotFoundException>(() => api.SendAsAsync(admin, Roles.Administrator, sender => sender.Send(new GetStaffUser(api.UserIdAsync(applicantEmail).Result))));
        foreach (var regions in new[] { Array.Empty<string>(), ["13"], ["5"], ["05", "xx"] })
        {
            await Assert.ThrowsAsync<ValidationException>(() => api.SendAsAsync(admin, Roles.Administrator, sender => sender.Send(new SetStaffRegions(official, regions))));
        }

        Assert.Equal("{07}", await api.ScalarAsync<string>("SELECT region_codes::text FROM identity.users WHERE id = $1", official));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.audit_entries WHERE action = 'staff.regions-changed' AND changes->>'userId' = $1", official.ToString()));
    }

    private Task<Guid> AdminIdAsync() => api.UserIdAsync(RegistryApiFactory.AdminEmail);

    private static string Line(IEnumerable<StaffUserItem> items, string email) =>
        items.Single(s => s.Email == email) is var item ? $"{item.Role} {string.Join(',', item.RegionCodes)}" : "";
}
