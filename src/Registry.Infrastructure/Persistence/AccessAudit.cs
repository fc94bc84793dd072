using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Audit;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// Writes refusals on a connection of its own: the request's transaction is about to be rolled back,
/// and the refusal must stay on record.
/// </summary>
internal sealed class AccessAudit(NpgsqlDataSource dataSource, ICurrentUser currentUser, TimeProvider clock) : IAccessAudit
{
    public async Task RecordRefusalAsync(string action, Guid? applicationId, Guid? organizationId, string reason, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO registry.audit_entries (occurred_at, actor_id, actor_role, action, outcome, application_id, organization_id, reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)currentUser.UserId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = currentUser.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        command.Parameters.Add(new NpgsqlParameter { Value = nameof(AuditOutcome.Refused) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)applicationId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)organizationId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = reason });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
