using System.Net.Http.Json;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.Audit.AuditChecks;

namespace Registry.IntegrationTests.Audit;

/// <summary>
/// A payload changed in place by someone who can switch the append-only trigger off (the table's owner) is found by
/// the CLI and the endpoint, which name the changed entry. A database of its own: the whole table is verified.
/// </summary>
public sealed class AuditEditDetectionTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task A_payload_edited_in_the_database_is_caught_and_the_entry_named()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var number = await official.ApproveAsync(await owner.SubmittedAsync());
        await official.PostAsJsonAsync($"/api/v1/organizations/{number}/suspend", new { reason = "Comptes non déposés." });
        var applicationId = await api.ScalarAsync<Guid>("SELECT application_id FROM registry.organizations WHERE registration_number = $1", number);
        var chain = await api.ChainAsync(applicationId);
        var approved = chain.Single(e => e.Action == "application.approved");
        Assert.True((bool)(await api.VerifyByEndpointAsync())["ok"]!);

        await api.TamperAsOwnerAsync(
            "UPDATE registry.audit_entries SET changes = jsonb_set(changes, '{registrationNumber}', '\"COOP-06-2020-000001\"') WHERE id = $1", approved.Id);

        foreach (var verified in new[] { await api.VerifyByEndpointAsync(), await api.VerifyByEndpointAsync(number) })
        {
            Assert.False((bool)verified["ok"]!);
            Assert.Equal(1L, (long)verified["brokenEntries"]!);
            var broken = verified["firstBroken"]!;
            Assert.Equal(approved.Id, (long)broken["id"]!);
            Assert.Equal(applicationId, Guid.Parse((string)broken["chainId"]!));
            Assert.Equal(approved.Sequence, (long)broken["sequence"]!);
            Assert.Equal("Content", (string)broken["problem"]!);
            Assert.Equal(Hex(approved.EntryHash), (string)broken["stored"]!);
            Assert.NotEqual((string)broken["stored"]!, (string)broken["expected"]!);
        }

        foreach (var organization in new[] { null, number })
        {
            var (exit, output) = await api.VerifyByCliAsync(organization);
            Assert.True(exit == 4, output);
            Assert.Contains($"entry id {approved.Id}, chain {applicationId}, sequence {approved.Sequence}: content", output, StringComparison.Ordinal);
            Assert.Contains($"stored   {Hex(approved.EntryHash)}", output, StringComparison.Ordinal);
        }
    }
}

/// <summary>An entry removed from the middle of a chain (trigger disabled by the owner) breaks the chain at the entry after it.</summary>
public sealed class AuditDeletionDetectionTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task A_deleted_middle_entry_is_caught_at_the_entry_that_followed_it()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var id = await owner.SubmittedAsync();
        var number = await official.ApproveAsync(id);
        var chain = await api.ChainAsync(Guid.Parse(id));
        var middle = chain.Count / 2;
        Assert.True(middle > 0 && middle < chain.Count - 1);

        await api.TamperAsOwnerAsync("DELETE FROM registry.audit_entries WHERE id = $1", chain[middle].Id);

        // The class's other test breaks another chain: the whole table is broken, this organisation's chain names its entry.
        Assert.False((bool)(await api.VerifyByEndpointAsync())["ok"]!);
        var verified = await api.VerifyByEndpointAsync(number);
        Assert.False((bool)verified["ok"]!);
        Assert.Equal(1L, (long)verified["brokenEntries"]!);
        var broken = verified["firstBroken"]!;
        Assert.Equal(chain[middle + 1].Id, (long)broken["id"]!);
        Assert.Equal(chain[middle + 1].Sequence, (long)broken["sequence"]!);
        Assert.Equal("Sequence", (string)broken["problem"]!);
        Assert.Equal(chain[middle].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)broken["expected"]!);

        var (exit, output) = await api.VerifyByCliAsync(number);
        Assert.True(exit == 4, output);
        Assert.Contains($"entry id {chain[middle + 1].Id}, chain {id}, sequence {chain[middle + 1].Sequence}: sequence", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_removed_and_its_successor_renumbered_is_caught_by_the_link()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.SubmittedAsync();
        var number = await (await api.Actors.ClientAsync(Actor.OfficialOfRegion)).ApproveAsync(id);
        var chain = await api.ChainAsync(Guid.Parse(id));
        Assert.True(chain.Count >= 3);

        // A careful owner closes the gap in the numbering: the previous-hash link still gives it away.
        await api.TamperAsOwnerAsync("DELETE FROM registry.audit_entries WHERE id = $1", chain[1].Id);
        await api.TamperAsOwnerAsync("UPDATE registry.audit_entries SET chain_seq = 2 WHERE id = $1", chain[2].Id);

        var verified = await api.VerifyByEndpointAsync(number);
        Assert.False((bool)verified["ok"]!);
        var broken = verified["firstBroken"]!;
        Assert.Equal(chain[2].Id, (long)broken["id"]!);
        Assert.Equal("Link", (string)broken["problem"]!);
        Assert.Equal(Hex(chain[0].EntryHash), (string)broken["expected"]!);
        Assert.Equal(Hex(chain[1].EntryHash), (string)broken["stored"]!);
    }

    [Fact]
    public async Task The_last_entry_removed_is_caught_by_the_chain_head()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.SubmittedAsync();
        var number = await (await api.Actors.ClientAsync(Actor.OfficialOfRegion)).ApproveAsync(id);
        var chain = await api.ChainAsync(Guid.Parse(id));

        await api.TamperAsOwnerAsync("DELETE FROM registry.audit_entries WHERE id = $1", chain[^1].Id);

        var verified = await api.VerifyByEndpointAsync(number);
        Assert.False((bool)verified["ok"]!);
        var broken = verified["firstBroken"]!;
        Assert.Equal(chain[^2].Id, (long)broken["id"]!);
        Assert.Equal("Head", (string)broken["problem"]!);
        Assert.Equal($"{chain[^1].Sequence}:{Hex(chain[^1].EntryHash)}", (string)broken["expected"]!);
        Assert.Equal($"{chain[^2].Sequence}:{Hex(chain[^2].EntryHash)}", (string)broken["stored"]!);
    }
}
