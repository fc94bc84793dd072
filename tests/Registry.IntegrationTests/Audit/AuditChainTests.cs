using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.Audit.AuditChecks;

namespace Registry.IntegrationTests.Audit;

/// <summary>The audit trail's hash chains as the application writes them: one per subject, unbroken under concurrency and bulk inserts, append-only.</summary>
public sealed class AuditChainTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    private readonly Actors _actors = api.Actors;

    [Fact]
    public async Task A_registration_from_draft_to_suspension_is_one_chain_that_verifies()
    {
        var owner = await _actors.ClientAsync(Actor.Owner);
        var official = await _actors.ClientAsync(Actor.OfficialOfRegion);
        var id = await owner.DraftAsync();
        await owner.SubmitAsync(id);
        var number = await official.ApproveAsync(id);
        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/organizations/{number}/suspend", new { reason = "Assemblée générale non tenue." }), HttpStatusCode.OK);

        var chain = await api.ChainAsync(Guid.Parse(id));

        AssertLinked(chain);
        var actions = chain.Select(e => e.Action).ToList();
        Assert.Equal("application.drafted", actions[0]);
        Assert.Equal("organization.status-changed", actions[^1]);
        Assert.Contains("application.document-attached", actions);
        Assert.True(actions.IndexOf("application.submitted") < actions.IndexOf("application.approved"));
        Assert.True(actions.IndexOf("application.submitted") < actions.IndexOf("organization.registered"));
        // Every entry of the organisation, including those naming only the organisation, is in its application's chain.
        Assert.Equal(0L, await api.ScalarAsync<long>("""
            SELECT count(*) FROM registry.audit_entries a JOIN registry.organizations o ON o.id = a.organization_id
            WHERE o.registration_number = $1 AND a.chain_id <> o.application_id
            """, number));

        var verified = await api.VerifyByEndpointAsync(number);
        Assert.True((bool)verified["ok"]!);
        Assert.Equal(number, (string)verified["scope"]!);
        Assert.Equal(chain.Count, (long)verified["entriesChecked"]!);
        Assert.Equal(1L, (long)verified["chainsChecked"]!);
        Assert.Null(verified["firstBroken"]);
        Assert.True((bool)(await api.VerifyByEndpointAsync())["ok"]!);
        var (exit, output) = await api.VerifyByCliAsync(number);
        Assert.True(exit == 0, output);
        Assert.Contains($"{chain.Count} entries in 1 chains", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_appends_on_one_organisation_form_one_unbroken_chain()
    {
        var owner = await _actors.ClientAsync(Actor.Owner);
        var number = await (await _actors.ClientAsync(Actor.OfficialOfRegion)).ApproveAsync(await owner.SubmittedAsync());
        var organizationId = await api.ScalarAsync<Guid>("SELECT id FROM registry.organizations WHERE registration_number = $1", number);
        var applicationId = await api.ScalarAsync<Guid>("SELECT application_id FROM registry.organizations WHERE registration_number = $1", number);
        var before = (await api.ChainAsync(applicationId)).Count;

        // Refusals through the API, each written at once on a connection of its own, racing each other...
        var other = await _actors.ClientAsync(Actor.OfficialOfOtherRegion);
        var refusals = Enumerable.Range(0, 24).Select(_ => other.GetAsync($"/api/v1/organizations/{number}/history")).ToList();
        // ...and writers holding transactions open over several appends on the same organisation.
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            await using var connection = await api.OpenConnectionAsync();
            await start.WaitAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            for (var j = 0; j < 5; j++)
            {
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO registry.audit_entries (occurred_at, actor_role, action, outcome, organization_id, changes)
                    VALUES (clock_timestamp(), 'System', 'test.concurrent', 'Succeeded', $1, jsonb_build_object('writer', $2::int, 'n', $3::int))
                    """, connection, transaction)
                {
                    Parameters = { new() { Value = organizationId }, new() { Value = w }, new() { Value = j } },
                };
                await insert.ExecuteNonQueryAsync();
                await using var pause = new NpgsqlCommand("SELECT pg_sleep(0.005)", connection, transaction);
                await pause.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        })).ToList();
        start.Release(8);
        await Task.WhenAll(writers);
        foreach (var response in await Task.WhenAll(refusals))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var chain = await api.ChainAsync(applicationId);
        AssertLinked(chain);
        Assert.Equal(before + 24 + 40, chain.Count);
        Assert.True((bool)(await api.VerifyByEndpointAsync(number))["ok"]!);
    }

    [Fact]
    public async Task A_set_based_insert_chains_every_row_it_writes()
    {
        var owner = await _actors.ClientAsync(Actor.Owner);
        var number = await (await _actors.ClientAsync(Actor.OfficialOfRegion)).ApproveAsync(await owner.SubmittedAsync());
        var organizationId = await api.ScalarAsync<Guid>("SELECT id FROM registry.organizations WHERE registration_number = $1", number);
        var applicationId = await api.ScalarAsync<Guid>("SELECT application_id FROM registry.organizations WHERE registration_number = $1", number);
        var newSubject = Guid.NewGuid();
        var before = (await api.ChainAsync(applicationId)).Count;
        var registryWideBefore = (await api.ChainAsync(Guid.Empty)).Count;

        // One statement, three chains interleaved: an organisation's (named by its id only), a new subject's, the registry-wide one.
        Assert.Equal(300L, await api.ScalarAsync<long>("""
            WITH inserted AS (
                INSERT INTO registry.audit_entries (occurred_at, actor_role, action, outcome, application_id, organization_id, reason, changes)
                SELECT clock_timestamp(), 'System', 'test.bulk', 'Succeeded',
                       CASE WHEN i % 3 = 1 THEN $2 END, CASE WHEN i % 3 = 0 THEN $1 END,
                       CASE WHEN i % 2 = 0 THEN E'ligne\nsuivante -:1 ' || i END, jsonb_build_object('i', i, 'texte', 'نص ' || i)
                FROM generate_series(1, 300) AS i
                RETURNING 1)
            SELECT count(*) FROM inserted
            """, organizationId, newSubject));

        var organizationChain = await api.ChainAsync(applicationId);
        AssertLinked(organizationChain);
        Assert.Equal(before + 100, organizationChain.Count);
        var newChain = await api.ChainAsync(newSubject);
        AssertLinked(newChain);
        Assert.Equal(100, newChain.Count);
        var registryWide = await api.ChainAsync(Guid.Empty);
        AssertLinked(registryWide);
        Assert.Equal(registryWideBefore + 100, registryWide.Count);
        Assert.True((bool)(await api.VerifyByEndpointAsync())["ok"]!);
    }

    [Theory]
    [InlineData("UPDATE registry.audit_entries SET reason = 'effacé'")]
    [InlineData("UPDATE registry.audit_entries SET reason = NULL WHERE false")]
    [InlineData("DELETE FROM registry.audit_entries")]
    [InlineData("TRUNCATE registry.audit_entries")]
    public async Task The_application_role_can_neither_update_nor_delete_nor_truncate_entries(string sql)
    {
        await (await _actors.ClientAsync(Actor.Owner)).DraftAsync();
        var count = await api.ScalarAsync<long>("SELECT count(*) FROM registry.audit_entries");

        // The connection string the API itself uses.
        await using var connection = await api.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(count, await api.ScalarAsync<long>("SELECT count(*) FROM registry.audit_entries"));
    }

    [Fact]
    public async Task An_unknown_organisation_is_not_found_by_the_endpoint_and_the_cli()
    {
        var admin = await _actors.ClientAsync(Actor.Administrator);
        var response = await admin.GetAsync("/api/v1/admin/audit/verify?organization=COOP-06-2020-999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/admin/audit/verify?organization=not-a-number")).StatusCode);

        var (exit, output) = await api.VerifyByCliAsync("COOP-06-2020-999999");
        Assert.True(exit == 5, output);
    }

    [Fact]
    public async Task The_documented_canonical_form_recomputed_outside_the_database_gives_the_stored_hashes()
    {
        var owner = await _actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();
        await WorkflowSteps.Expect(await (await _actors.ClientAsync(Actor.OfficialOfOtherRegion)).GetAsync($"/api/v1/applications/{id}"), HttpStatusCode.NotFound);

        await using var connection = await api.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT chain_id, chain_seq, previous_hash, id, occurred_at, actor_id, actor_role, action, outcome,
                   application_id, organization_id, reason, changes::text, entry_hash
            FROM registry.audit_entries WHERE application_id = $1 ORDER BY chain_seq
            """, connection) { Parameters = { new() { Value = Guid.Parse(id) } } };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
            {
                byte[] bytes => Hex(bytes),
                DateTime at => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable value => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var value => value.ToString(),
            };

            var canonical = new System.Text.StringBuilder("registry.audit_entries/v1");
            for (var i = 0; i < 13; i++)
            {
                var field = Text(i);
                canonical.Append('\n').Append(field is null ? "-" : $"{System.Text.Encoding.UTF8.GetByteCount(field)}:{field}");
            }

            Assert.Equal(Hex((byte[])reader[13]), Hex(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical.ToString()))));
            rows++;
        }

        Assert.Equal(2, rows); // drafted, then the refusal (a null changes, a reason)
    }
}
