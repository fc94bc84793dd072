using System.Net;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.LegalStatus;

/// <summary>The API with seven registered cooperatives to search, registered once for the class.</summary>
public sealed class SearchApiFactory : RegistryApiFactory
{
    public string Amal { get; private set; } = "";
    public string Baraka { get; private set; } = "";
    public string Annour { get; private set; } = "";
    public string Souss { get; private set; } = "";
    public string Falah { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var owner = await Actors.ClientAsync(Actor.Owner);
        var official = await Actors.ClientAsync(Actor.OfficialOfRegion);

        // Registered first, so its number comes first: it holds every word of "al amal" and must still rank after
        // the organisation whose name that is.
        await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: "Coopérative Al Amal Al Jadida", nameAr: "تعاونية الأمل الجديدة")));
        Amal = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: "Coopérative Al-Amal", nameAr: "تعاونية الأمل")));
        Annour = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: "Coopérative Annour", nameAr: "تعاونية النور")));
        await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: "Coopérative Tighanimine Argan", nameAr: "تعاونية تيغانيمين للأركان")));
        Souss = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: "Coopérative Souss Bio", nameAr: "تعاونية سوس")));
        Falah = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: "Coopérative Al Falah Ait Ourir", nameAr: "تعاونية الفلاح آيت أورير")));
        Baraka = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(
            nameLatin: "Coopérative Al Baraka des Femmes Rurales de Taroudant", nameAr: "تعاونية البركة لنساء تمازيرت لإنتاج الكسكس")));
    }
}

public sealed class SearchTests(SearchApiFactory api) : IClassFixture<SearchApiFactory>
{
    private readonly string _amal = api.Amal;

    [Theory]
    [InlineData("تعاونيه الامل")]
    [InlineData("الأمل")]
    [InlineData("cooperative al amal")]
    [InlineData("Coopérative Al-Amal")]
    [InlineData("al amal")]
    [InlineData("cooperativ al amall")]
    [InlineData("AL-AMAL")]
    [InlineData("تعاونية الامال")] // Arabic typo: an extra alef
    [InlineData("الأمـــل")] // tatweel
    [InlineData("تَعاوُنِيَّة الأَمَل")] // harakat
    [InlineData("Al Amel")] // Latin typo
    public async Task Search_finds_a_name_in_either_script_through_normalisation_and_typos(string q)
    {
        var numbers = await SearchAsync(q);
        Assert.Equal(_amal, numbers.FirstOrDefault());
    }

    [Theory]
    [InlineData("alamal")] // the words run together
    [InlineData("Coopérative Alamal")]
    [InlineData("elamal")] // and the article spelt el
    [InlineData("el amal")]
    [InlineData("El-Amal")]
    [InlineData("تعاونية ال امل")] // the Arabic article written apart
    public async Task Search_finds_a_name_whose_words_the_query_runs_together_or_splits(string q)
    {
        var numbers = await SearchAsync(q);
        Assert.Equal(_amal, numbers.FirstOrDefault());
    }

    [Theory]
    [InlineData("fellah")] // e for a, and the l doubled: two letters from "falah"
    [InlineData("El Fellah")]
    [InlineData("el fellah ait ourir")]
    [InlineData("Coopérative Al Fallah Aït Ourir")]
    public async Task Search_finds_a_latin_name_in_another_usual_transliteration(string q)
    {
        Assert.Equal(api.Falah, (await SearchAsync(q)).FirstOrDefault());
    }

    [Fact]
    public async Task Search_finds_a_name_written_as_one_word_from_its_words_typed_apart()
    {
        Assert.Equal(api.Annour, (await SearchAsync("an nour")).FirstOrDefault());
    }

    [Theory]
    [InlineData("barka")]
    [InlineData("al barka")]
    [InlineData("femes rurales")]
    [InlineData("taroudan")]
    [InlineData("تمزيرت")]
    [InlineData("البركا")]
    [InlineData("الكسكوس")]
    public async Task A_typo_in_a_short_word_still_finds_a_long_name(string q)
    {
        var numbers = await SearchAsync(q);
        Assert.Equal(api.Baraka, numbers.FirstOrDefault());
    }

    [Theory]
    [InlineData("تعاونية سوص")] // a letter changed in a word of three
    [InlineData("سو")] // one missing
    [InlineData("cooperative sous")]
    public async Task A_typo_in_a_word_of_three_letters_finds_it(string q)
    {
        Assert.Equal(api.Souss, (await SearchAsync(q)).FirstOrDefault());
    }

    [Fact]
    public async Task A_query_that_matches_nothing_even_loosely_finds_nothing()
    {
        Assert.Empty(await SearchAsync("zzqx wvkj"));
    }

    [Fact]
    public async Task A_registration_number_typed_as_the_query_finds_its_organisation()
    {
        Assert.Equal([_amal], await SearchAsync(_amal.ToLowerInvariant()));
    }

    [Fact]
    public async Task A_registration_number_typed_with_spaces_slashes_or_other_dashes_finds_its_organisation()
    {
        foreach (var separator in new[] { " ", " - ", "–", "/", "" })
        {
            Assert.Equal([_amal], await SearchAsync(_amal.Replace("-", separator, StringComparison.Ordinal).ToLowerInvariant()));
        }
    }

    [Fact]
    public async Task A_registration_number_typed_with_arabic_indic_digits_finds_its_organisation()
    {
        var arabicDigits = string.Concat(_amal.Select(c => char.IsAsciiDigit(c) ? (char)('\u0660' + (c - '0')) : c));

        Assert.Equal([_amal], await SearchAsync(arabicDigits));
    }

    [Theory]
    [InlineData("al amal")]
    [InlineData("الأمل")]
    public async Task The_name_that_is_the_query_ranks_before_longer_names_holding_its_words(string q)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/organizations?q={Uri.EscapeDataString(q)}");
        var items = (await response.ReadJsonAsync())["items"]!.AsArray();

        Assert.Equal(_amal, (string)items[0]!["registrationNumber"]!);
        Assert.Contains(items.Skip(1), i => ((string?)i!["nameLatin"])?.Contains("Jadida", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Search_combines_with_filters_and_shows_public_fields_only()
    {
        Assert.Empty(await SearchAsync("al amal", "&region=09"));
        Assert.Equal(_amal, (await SearchAsync("al amal", "&region=06&legalForm=COOP")).First());
        var body = await (await api.CreateClient().GetAsync($"/api/v1/organizations?q={Uri.EscapeDataString("al amal")}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("AB123456", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_filter_narrows_a_search_by_every_word_by_variants_and_by_number()
    {
        // "al amal" is found by every word, "al amel" by variants, the number by itself: each way honours each filter.
        var amal = await (await api.CreateClient().GetAsync($"/api/v1/organizations/{_amal}")).ReadJsonAsync();
        string[] matching = [$"&region={amal["regionCode"]}", $"&province={amal["provinceCode"]}", "&legalForm=COOP",
            $"&sector={amal["sectorCode"]}", $"&status={amal["status"]}", "&name=amal"];
        string[] others = ["&region=09", "&province=511", "&legalForm=ASSO", "&sector=PECHE", "&status=Dissolved", "&name=zzz"];
        foreach (var filter in matching)
        {
            Assert.Equal(_amal, (await SearchAsync("al amal", filter)).FirstOrDefault());
            Assert.Equal(_amal, (await SearchAsync("al amel", filter)).FirstOrDefault());
            Assert.Equal([_amal], await SearchAsync(_amal, filter));
        }

        foreach (var filter in others)
        {
            Assert.Empty(await SearchAsync("al amal", filter));
            Assert.Empty(await SearchAsync("al amel", filter));
            Assert.Empty(await SearchAsync(_amal, filter));
        }
    }

    [Theory]
    [InlineData("region=13", "region")]
    [InlineData("province=999", "province")]
    [InlineData("sector=NONE", "sector")]
    public async Task An_unknown_region_province_or_sector_is_a_400_on_its_field_not_an_empty_list(string filter, string field)
    {
        foreach (var q in new[] { "", "&q=al+amal" })
        {
            var response = await api.CreateClient().GetAsync($"/api/v1/organizations?{filter}{q}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
        }
    }

    [Theory]
    [InlineData("coopérative")]
    [InlineData("التعاونيات")]
    public async Task A_query_that_is_only_a_legal_form_lists_that_form_by_number_page_by_page(string q)
    {
        var first = await (await api.CreateClient().GetAsync($"/api/v1/organizations?q={Uri.EscapeDataString(q)}&limit=4")).ReadJsonAsync();
        var cursor = (string)first["nextCursor"]!;
        var second = await (await api.CreateClient().GetAsync($"/api/v1/organizations?q={Uri.EscapeDataString(q)}&limit=4&cursor={Uri.EscapeDataString(cursor)}")).ReadJsonAsync();
        var found = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => (string)i!["registrationNumber"]!).ToList();

        var cooperatives = await api.ScalarAsync<string[]>("SELECT array_agg(registration_number ORDER BY registration_number) FROM registry.organizations WHERE legal_form = 'COOP'");
        Assert.Equal(cooperatives, found);
        Assert.Null((string?)second["nextCursor"]);
        Assert.Empty(await SearchAsync(q, "&region=09"));
        Assert.Empty(await SearchAsync("association"));
    }

    [Fact]
    public async Task Search_pages_by_cursor_in_rank_order()
    {
        var first = await (await api.CreateClient().GetAsync("/api/v1/organizations?q=a&limit=2")).ReadJsonAsync();
        var cursor = (string?)first["nextCursor"];
        Assert.NotNull(cursor);
        var second = await (await api.CreateClient().GetAsync($"/api/v1/organizations?q=a&limit=2&cursor={cursor}")).ReadJsonAsync();
        var all = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => (string)i!["registrationNumber"]!).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(4, all.Count);
        Assert.NotNull(second["nextCursor"]); // five names hold an "a"
    }

    [Fact]
    public async Task The_normalised_names_and_their_words_have_their_indexes()
    {
        // The trigram index of the word list serves "part of a word"; the names' own trigram indexes went with the
        // word search (nothing read them, every registration paid for them).
        Assert.Equal("ix_name_words_trgm", await api.ScalarAsync<string>(
            "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'registry' AND indexdef LIKE '%gin_trgm_ops%'"));
        Assert.Equal(
            "ix_name_reservations_search_words:USING gin (search_words) WHERE (consumed_at IS NULL),ix_organizations_search_words:USING gin (search_words) WITH (fastupdate='false')",
            await api.ScalarAsync<string>("""
                SELECT string_agg(indexname || ':' || substring(indexdef FROM 'USING .*'), ',' ORDER BY indexname)
                FROM pg_indexes WHERE schemaname = 'registry' AND indexdef LIKE '%(search_words)%'
                """));
    }

    [Fact]
    public async Task Each_registered_word_is_listed_with_its_one_letter_deletions_as_soon_as_it_is_registered()
    {
        // The registrations above went through the trigger; the rebuild after a bulk load must give the same list.
        const string List = """
            SELECT string_agg(w.word || ':' || (SELECT string_agg(d.deletion, ',' ORDER BY d.deletion) FROM registry.name_word_deletions d WHERE d.word = w.word), ' ' ORDER BY w.word)
            FROM registry.name_words w
            """;
        var kept = await api.ScalarAsync<string>(List);
        Assert.Contains("amal:aal,ama,amal,aml,mal", kept, StringComparison.Ordinal);
        Assert.Contains("al:al", kept, StringComparison.Ordinal);
        Assert.Contains("bio:bio", kept, StringComparison.Ordinal); // three letters: listed apart (below)
        Assert.Contains("تمازيرت:", kept, StringComparison.Ordinal);
        const string Short = "SELECT string_agg(deletion || ':' || word, ' ' ORDER BY word, deletion) FROM registry.short_word_deletions";
        var keptShort = await api.ScalarAsync<string>(Short);
        Assert.Contains("bi:bio bo:bio io:bio", keptShort, StringComparison.Ordinal);
        const string Spellings = "SELECT string_agg(spelling || ':' || word, ' ' ORDER BY word) FROM registry.latin_spellings";
        var keptSpellings = await api.ScalarAsync<string>(Spellings);
        Assert.Contains("anur:annour", keptSpellings, StringComparison.Ordinal); // o as u, the n once
        Assert.Contains("falah:falah", keptSpellings, StringComparison.Ordinal);
        Assert.DoesNotContain(":bio", keptSpellings, StringComparison.Ordinal); // three letters: no key
        Assert.DoesNotContain(":تعاونية", keptSpellings, StringComparison.Ordinal);
        await api.ScalarAsync<string>("SELECT registry.name_words_rebuild()::text");
        Assert.Equal(kept, await api.ScalarAsync<string>(List));
        Assert.Equal(keptShort, await api.ScalarAsync<string>(Short));
        Assert.Equal(keptSpellings, await api.ScalarAsync<string>(Spellings));
    }

    [Fact]
    public async Task A_word_cut_short_or_misspelt_is_searched_by_the_registered_words_it_may_mean()
    {
        // "tighanim" is the start of a registered word, "rga" part of one, "argn" a letter short of one; no
        // organisation has all three words of "tighanimine argan annour", so the longest one's decides.
        var tighanimine = Assert.Single(await SearchAsync("Tighanimine Argan"));
        Assert.Equal([tighanimine], await SearchAsync("tighanim"));
        Assert.Equal([tighanimine], await SearchAsync("rga"));
        Assert.Equal([tighanimine], await SearchAsync("tighanimine argn"));
        Assert.Equal(tighanimine, (await SearchAsync("tighanimine argan annour")).First());
    }

    private async Task<List<string>> SearchAsync(string q, string filters = "")
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/organizations?q={Uri.EscapeDataString(q)}{filters}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync())["items"]!.AsArray().Select(i => (string)i!["registrationNumber"]!)];
    }
}
