using System.Net;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Numbering;

public sealed class ConcurrentApprovalTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task Officials_approving_at_the_same_moment_get_gap_free_unique_numbers()
    {
        const int perForm = 40;
        var applicant = await api.NewApplicantAsync();
        var officials = new[]
        {
            await api.NewStaffAsync("RegionalOfficial", "06"),
            await api.NewStaffAsync("RegionalOfficial", "06"),
            await api.NewStaffAsync("RegionalOfficial", "06", "09"),
            await api.NewStaffAsync("RegionalOfficial", "09"),
        };

        // Two counters race at once: COOP in region 06 and COOP in region 09 (province 001, Agadir).
        var casablanca = await Task.WhenAll(Enumerable.Range(0, perForm).Select(_ => applicant.SubmittedAsync(Samples.Cooperative())));
        var souss = await Task.WhenAll(Enumerable.Range(0, perForm).Select(_ => applicant.SubmittedAsync(Samples.Cooperative(province: "001"))));

        var approvals = casablanca.Select((id, i) => officials[i % 3].ApproveAsync(id))
            .Concat(souss.Select((id, i) => officials[2 + (i % 2)].ApproveAsync(id)));
        var numbers = await Task.WhenAll(approvals);

        var year = numbers[0].Split('-')[2];
        Assert.Equal(Expected("COOP-06", year, perForm), numbers.Where(n => n.StartsWith("COOP-06", StringComparison.Ordinal)).Order());
        Assert.Equal(Expected("COOP-09", year, perForm), numbers.Where(n => n.StartsWith("COOP-09", StringComparison.Ordinal)).Order());
        Assert.Equal(2L * perForm, await api.ScalarAsync<long>(
            "SELECT count(DISTINCT registration_number) FROM registry.organizations WHERE registration_number LIKE 'COOP-%'"));
        Assert.Equal(perForm, await api.ScalarAsync<int>(
            "SELECT last_value FROM registry.registration_sequences WHERE legal_form = 'COOP' AND region_code = '06'"));
    }

    [Fact]
    public async Task The_same_application_approved_twice_at_once_registers_one_organisation_and_burns_no_number()
    {
        var applicant = await api.NewApplicantAsync();
        var first = await api.NewStaffAsync("RegionalOfficial", "07");
        var second = await api.NewStaffAsync("RegionalOfficial", "07");
        var marrakech = Samples.Cooperative(province: "351", form: "ASSO");

        for (var round = 0; round < 5; round++)
        {
            var id = await applicant.SubmittedAsync(marrakech);
            var responses = await Task.WhenAll(
                first.PostAsync($"/api/v1/applications/{id}/approve", null),
                second.PostAsync($"/api/v1/applications/{id}/approve", null));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.Conflict, responses.Single(r => r.StatusCode != HttpStatusCode.OK).StatusCode);
            Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE application_id = $1", Guid.Parse(id)));
        }

        // Five organisations, numbered 1 to 5: the losing approvals gave their numbers back.
        var numbers = await api.ScalarAsync<string>(
            "SELECT string_agg(right(registration_number, 6), ',' ORDER BY registration_number) FROM registry.organizations WHERE registration_number LIKE 'ASSO-07-%'");
        Assert.Equal("000001,000002,000003,000004,000005", numbers);
    }

    private static IEnumerable<string> Expected(string prefix, string year, int count) =>
        Enumerable.Range(1, count).Select(n => $"{prefix}-{year}-{n:D6}");
}
