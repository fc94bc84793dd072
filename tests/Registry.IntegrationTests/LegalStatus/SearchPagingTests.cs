using System.Net;
using Registry.Cli.Import;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.LegalStatus;

/// <summary>
/// The API with more organisations holding one word than a search ranks (130 associations "Association Tafilalt …",
/// imported once for the class), plus one whose name is just that word.
/// </summary>
public sealed class SearchPagingApiFactory : RegistryApiFactory
{
    public const int Many = 130;

    public IReadOnlyList<string> Tafilalt { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var directory = Directory.CreateTempSubdirectory("registry-search-paging-").FullName;
        try
        {
            var file = Path.Combine(directory, "organizations.csv");
            var header = "source_key,registration_number,legal_form,name_ar,name_latin,sector_code,province_code,seat_address,founding_date,registered_on,financial_year_end," +
                "ice,share_value,contact_email,contact_phone,person_role,member_kind,full_name_ar,full_name_latin,cin,birth_date,gender,nationality," +
                "legal_name,legal_identifier,shares_subscribed,shares_paid,profession,address,mandate_start,mandate_end";
            var rows = Enumerable.Range(0, Many + 1).SelectMany(i => new[] { "AB", "CD" }.Select(cin =>
                $"T-{i},,ASSO,,{(i == 0 ? "Association Tafilalt" : $"Association Tafilalt Oasis {i}")},DEVELOPPEMENT_LOCAL,{(i % 2 == 0 ? "141" : "291")}," +
                $"1 Rue X,2018-06-01,2018-07-10,12-31,,,,,Member,NaturalPerson,,Omar Test,{cin}{700000 + i},1980-01-01,Male,MA,,,,,,,,"));
            await File.WriteAllLinesAsync(file, [header, .. rows]);
            var imported = await new ImportCommand(ConnectionString, TextWriter.Null).RunAsync(file, Path.Combine(directory, "rejected.csv"), CancellationToken.None);
            if (imported.Organizations != Many + 1)
            {
                throw new InvalidOperationException($"imported {imported.Organizations} organisations, not {Many + 1}");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        Tafilalt = [.. (await ScalarAsync<string[]>(
            "SELECT array_agg(registration_number ORDER BY registration_number) FROM registry.organizations WHERE name_latin LIKE 'Association Tafilalt%'"))!];
    }
}

/// <summary>A search matching more organisations than it ranks still pages through every one of them (SPEC §7).</summary>
public sealed class SearchPagingTests(SearchPagingApiFactory api) : IClassFixture<SearchPagingApiFactory>
{
    [Theory]
    [InlineData("tafilalt", 7)]
    [InlineData("tafilalt", 10)] // the ranked hundred end exactly at a page's end
    [InlineData("tafilalt", 100)]
    [InlineData("tafilalet", 9)] // found by a variant: the second tier pages past its hundred too
    public async Task Paging_a_search_reaches_every_organisation_it_finds_once(string q, int limit)
    {
        var pages = await PagesAsync($"q={q}&limit={limit}");
        var found = pages.SelectMany(p => p).ToList();

        Assert.Equal(found.Count, found.Distinct().Count());
        Assert.Equal(api.Tafilalt.Order(), found.Order());
        Assert.All(pages.SkipLast(1), p => Assert.Equal(limit, p.Count));
    }

    [Fact]
    public async Task The_ranked_organisations_come_first_with_the_name_that_is_the_query_at_their_head()
    {
        var found = (await PagesAsync("q=tafilalt&limit=50")).SelectMany(p => p).ToList();
        var exact = await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_latin = 'Association Tafilalt'");

        Assert.Equal(exact, found[0]);
        // after the ranked hundred (and the exact name, if it was not among them), the others follow by number
        var rest = found.Skip(101).ToList();
        Assert.NotEmpty(rest);
        Assert.Equal(rest.Order(StringComparer.Ordinal), rest);
    }

    [Fact]
    public async Task Paging_past_the_ranked_keeps_the_filters()
    {
        var found = (await PagesAsync("q=tafilalt&limit=20&province=141")).SelectMany(p => p).ToList();
        var expected = await api.ScalarAsync<string[]>(
            "SELECT array_agg(registration_number) FROM registry.organizations WHERE name_latin LIKE 'Association Tafilalt%' AND province_code = '141'");

        Assert.Equal(expected!.Order(), found.Order());
        Assert.Equal(found.Count, found.Distinct().Count());
    }

    private async Task<List<List<string>>> PagesAsync(string query)
    {
        var pages = new List<List<string>>();
        string? cursor = null;
        do
        {
            var response = await api.CreateClient().GetAsync($"/api/v1/organizations?{query}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            pages.Add([.. page["items"]!.AsArray().Select(i => (string)i!["registrationNumber"]!)]);
            cursor = (string?)page["nextCursor"];
            Assert.True(pages.Count < 100, "the pages do not end");
        }
        while (cursor is not null);

        return pages;
    }
}
