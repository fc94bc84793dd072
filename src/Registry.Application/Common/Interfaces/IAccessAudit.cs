namespace Registry.Application.Common.Interfaces;

/// <summary>Records refused attempts. Written outside the request's transaction, which is about to roll back.</summary>
public interface IAccessAudit
{
    Task RecordRefusalAsync(string action, Guid? applicationId, Guid? organizationId, string reason, CancellationToken cancellationToken);
}
