using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.Audit.AuditChecks;

namespace Registry.IntegrationTests.Audit;

/// <summary>
/// What the chains alone cannot catch — a chain rewritten with fresh hashes and its head, or removed with its head —
/// a published checkpoint does. A database of its own: it rewrites a chain.
/// </summary>
public sealed partial class AuditCheckpointRewriteTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task A_chain_rewritten_with_fresh_hashes_and_its_head_passes_the_chains_but_not_the_checkpoint()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var id = await owner.SubmittedAsync();
        var number = await official.ApproveAsync(id);
        var chain = await api.ChainAsync(Guid.Parse(id));
        var approved = chain.Single(e => e.Action == "application.approved");

        var file = Path.Combine(Path.GetTempPath(), $"audit-checkpoint-{Guid.NewGuid():N}.txt");
        try
        {
            var (written, output) = await api.CliAsync("audit", "checkpoint", "--out", file);
            Assert.True(written == 0, output);
            var digest = Digest().Match(output).Groups[1].Value;
            Assert.Equal(64, digest.Length);
            Assert.Equal(digest, await Registry.Infrastructure.Audit.AuditCheckpoint.DigestAsync(file, CancellationToken.None));

            // Life goes on after the checkpoint: new entries on the same chain and new chains are fine.
            await official.PostAsJsonAsync($"/api/v1/organizations/{number}/suspend", new { reason = "Comptes non déposés." });
            await official.ApproveAsync(await (await api.Actors.ClientAsync(Actor.Owner)).SubmittedAsync());
            var (intact, intactOutput) = await api.CliAsync("audit", "verify", "--checkpoint", file, "--digest", digest);
            Assert.True(intact == 0, intactOutput);
            Assert.Contains("ok: every chain still holds the entry the checkpoint recorded", intactOutput, StringComparison.Ordinal);

            // The owner rewrites the approval's registration number, re-hashes every entry from there on, and the head.
            await api.TamperAsOwnerAsync(
                "UPDATE registry.audit_entries SET changes = jsonb_set(changes, '{registrationNumber}', '\"COOP-06-2020-000001\"') WHERE id = $1", approved.Id);
            foreach (var entry in (await api.ChainAsync(Guid.Parse(id))).Where(e => e.Sequence >= approved.Sequence))
            {
                await api.TamperAsOwnerAsync(
                    """
                    UPDATE registry.audit_entries e
                    SET previous_hash = p.entry_hash,
                        entry_hash = sha256(convert_to(registry.audit_entry_canonical(e.chain_id, e.chain_seq, p.entry_hash, e.id, e.occurred_at,
                            e.actor_id, e.actor_role, e.action, e.outcome, e.application_id, e.organization_id, e.reason, e.changes), 'UTF8'))
                    FROM registry.audit_entries p
                    WHERE e.id = $1 AND p.chain_id = e.chain_id AND p.chain_seq = e.chain_seq - 1
                    """, entry.Id);
            }

            await api.TamperAsOwnerAsync(
                """
                UPDATE registry.audit_chain_heads h SET last_hash = e.entry_hash
                FROM registry.audit_entries e WHERE h.chain_id = $1 AND e.chain_id = h.chain_id AND e.chain_seq = h.last_seq
                """, Guid.Parse(id));

            // The chains alone see nothing: that is the gap.
            var (chainsOnly, chainsOutput) = await api.CliAsync("audit", "verify");
            Assert.True(chainsOnly == 0, chainsOutput);

            // The checkpoint does, and names the chain and the place it recorded.
            var (checkedExit, checkedOutput) = await api.CliAsync("audit", "verify", "--checkpoint", file, "--digest", digest);
            Assert.True(checkedExit == 4, checkedOutput);
            Assert.Contains("DIFFERS FROM THE CHECKPOINT: 1 chains", checkedOutput, StringComparison.Ordinal);
            Assert.Contains($"chain {id}, sequence {chain[^1].Sequence}: another hash", checkedOutput, StringComparison.Ordinal);
            Assert.Contains($"checkpoint {Hex(chain[^1].EntryHash)}", checkedOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("SHA-256 ([0-9a-f]{64})")]
    internal static partial Regex Digest();
}

/// <summary>A chain removed with its head; a checkpoint file edited or not the published one; a broken trail gets no checkpoint.</summary>
public sealed class AuditCheckpointRemovalTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task A_chain_removed_with_its_head_is_caught_and_a_false_checkpoint_is_refused()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var id = Guid.Parse(await owner.SubmittedAsync());
        await official.ApproveAsync(id.ToString());
        var chain = await api.ChainAsync(id);
        var file = Path.Combine(Path.GetTempPath(), $"audit-checkpoint-{Guid.NewGuid():N}.txt");
        try
        {
            var (_, output) = await api.CliAsync("audit", "checkpoint", "--out", file);
            var digest = AuditCheckpointRewriteTests.Digest().Match(output).Groups[1].Value;

            // A file that is not the published one, and one with a line taken out.
            var (wrongDigest, wrongOutput) = await api.CliAsync("audit", "verify", "--checkpoint", file, "--digest", new string('0', 64));
            Assert.True(wrongDigest == 6, wrongOutput);
            var edited = file + ".edited";
            await File.WriteAllLinesAsync(edited, (await File.ReadAllLinesAsync(file)).Where(line => !line.StartsWith(id.ToString(), StringComparison.Ordinal)));
            var (editedExit, editedOutput) = await api.CliAsync("audit", "verify", "--checkpoint", edited);
            File.Delete(edited);
            Assert.True(editedExit == 6, editedOutput);
            Assert.Contains("truncated or was edited", editedOutput, StringComparison.Ordinal);

            // The whole chain and its head go.
            await using (var connection = await api.OpenConnectionAsync())
            await using (var remove = new Npgsql.NpgsqlCommand(
                """
                ALTER TABLE registry.audit_entries DISABLE TRIGGER audit_entries_append_only;
                DELETE FROM registry.audit_entries WHERE chain_id = $1;
                DELETE FROM registry.audit_chain_heads WHERE chain_id = $1;
                ALTER TABLE registry.audit_entries ENABLE TRIGGER audit_entries_append_only;
                """.Replace("$1", $"'{id}'", StringComparison.Ordinal), connection))
            {
                await remove.ExecuteNonQueryAsync();
            }

            var (chainsOnly, chainsOutput) = await api.CliAsync("audit", "verify");
            Assert.True(chainsOnly == 0, chainsOutput);
            var (exit, checkedOutput) = await api.CliAsync("audit", "verify", "--checkpoint", file, "--digest", digest);
            Assert.True(exit == 4, checkedOutput);
            Assert.Contains($"chain {id}, sequence {chain[^1].Sequence}: the entry is gone", checkedOutput, StringComparison.Ordinal);

            // A broken trail gets no checkpoint.
            var another = Guid.Parse(await (await api.Actors.ClientAsync(Actor.Owner)).SubmittedAsync());
            var entry = (await api.ChainAsync(another))[0];
            await api.TamperAsOwnerAsync("UPDATE registry.audit_entries SET reason = 'edited' WHERE id = $1", entry.Id);
            var refused = file + ".refused";
            var (refusedExit, refusedOutput) = await api.CliAsync("audit", "checkpoint", "--out", refused);
            Assert.True(refusedExit == 4, refusedOutput);
            Assert.False(File.Exists(refused));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
