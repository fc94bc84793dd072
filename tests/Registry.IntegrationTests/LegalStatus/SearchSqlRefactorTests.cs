using System.Reflection;
using Npgsql;
using Registry.Application.Organizations.Queries.SearchOrganizations;
using Registry.Domain.Names;

namespace Registry.IntegrationTests.LegalStatus;

/// <summary>
/// The search functions as SearchSqlWrittenOnce rewrote them (the article's other spelling one function, a three-letter
/// word's last resort built once) return what the ones before did: the definitions its Down restores are loaded beside
/// them, in the session's own schema, and both are asked the same.
/// </summary>
public sealed class SearchSqlRefactorTests(SearchApiFactory api) : IClassFixture<SearchApiFactory>
{
    /// <summary>Words of each kind the functions treat apart: articles, three-letter words registered, a letter short of a longer one, or neither.</summary>
    private static readonly string[] MoreWords = ["el", "an", "nour", "ab", "abc", "abd", "xbc", "bni", "houda", "elhouda", "a_b"];

    [Fact]
    public async Task Word_variants_gives_each_word_the_variants_it_gave_before()
    {
        await using var connection = await ConnectionWithTheFormerFunctionsAsync();
        string[][] queries =
        [
            ["al"], ["el"], ["an"], ["abx"], ["abc"], ["ama"], ["bio"], ["bix"], ["xyz"], ["amal", "al"], ["amall"], ["سوص"],
            ["سو"], ["ab"], ["a"], ["tighanim"], ["rga"], ["a_b"], ["a%"], ["bni", "bin", "bn"], ["nour", "an", "nour"], ["اmal"],
        ];
        foreach (var words in queries)
        {
            foreach (var completions in new[] { true, false })
            {
                const string Variants = """
                    SELECT coalesce(string_agg(v.word_number || ':' || array_to_string(array(SELECT x FROM unnest(v.variants) AS x ORDER BY x), ','), ' ' ORDER BY v.word_number), '')
                    FROM {0}($1, $2) AS v
                    """;
                var before = await ScalarAsync(connection, string.Format(Variants, "pg_temp.word_variants_before"), words, completions);
                var now = await ScalarAsync(connection, string.Format(Variants, "registry.word_variants"), words, completions);
                Assert.True(before == now, $"{string.Join(' ', words)} ({completions}): {before} before, {now} now");
            }
        }
    }

    [Theory]
    [InlineData("al amal")]
    [InlineData("el amal")]
    [InlineData("elamal")]
    [InlineData("alamal")]
    [InlineData("al")]
    [InlineData("el")]
    [InlineData("el houda")]
    [InlineData("elhouda")]
    [InlineData("al houda")]
    [InlineData("an nour")]
    [InlineData("annour")]
    [InlineData("abx")]
    [InlineData("souss bix")]
    [InlineData("bio")]
    [InlineData("rga")]
    [InlineData("tighanimine argn")]
    [InlineData("femes rurales")]
    [InlineData("zzqx wvkj")]
    [InlineData("تعاونية سوص")]
    [InlineData("سو")]
    [InlineData("البركا")]
    [InlineData("تعاونية ال امل")]
    public async Task The_search_finds_and_ranks_what_it_did_before(string q)
    {
        await using var connection = await ConnectionWithTheFormerFunctionsAsync();
        var arabic = NameNormalizer.IsArabic(q);
        var normalized = NameNormalizer.Normalize(q);
        var words = NameWords.Of(normalized);
        const string Search = """
            SELECT coalesce(string_agg(format('%s %s %s %s', s.registration_number, s.score, s.tier, s.ranked), ' | '), '')
            FROM {0}($1, $2, $3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 50) AS s
            """;
        var before = await ScalarAsync(connection, string.Format(Search, "pg_temp.search_organizations_before"), normalized, arabic, words);
        var now = await ScalarAsync(connection, string.Format(Search, "registry.search_organizations"), normalized, arabic, words);

        Assert.Equal(before, now);
    }

    /// <summary>A connection whose session has the former definitions as pg_temp.*_before, and more words listed.</summary>
    private async Task<NpgsqlConnection> ConnectionWithTheFormerFunctionsAsync()
    {
        var connection = await api.OpenConnectionAsync();
        var down = ReadMigrationScript("SearchSqlWrittenOnce.Down.sql");
        var former = down[..down.IndexOf("DROP FUNCTION registry.other_article_spelling", StringComparison.Ordinal)]
            .Replace("registry.search_organizations(", "pg_temp.search_organizations_before(", StringComparison.Ordinal)
            .Replace("registry.word_variants(", "pg_temp.word_variants_before(", StringComparison.Ordinal);
        Assert.DoesNotContain("registry.other_article_spelling", former, StringComparison.Ordinal);
        await using (var create = new NpgsqlCommand(former, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var add = new NpgsqlCommand("SELECT registry.name_words_add($1)", connection) { Parameters = { new() { Value = MoreWords } } })
        {
            await add.ExecuteNonQueryAsync();
        }

        return connection;
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string ReadMigrationScript(string fileName)
    {
        using var stream = Assembly.Load("Registry.Migrations").GetManifestResourceStream($"Registry.Migrations.Sql.{fileName}")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
