using Mediator;
using Registry.Application.Audit;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// Last before the handler: runs the command in a transaction, turns the domain events it raised into
/// audit entries, and saves once, so a change and its audit trail are committed together or not at all.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IRegistryDbContext db, AuditTrail auditTrail, AfterCommit afterCommit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        if (transaction is not null)
        {
            // The command saves once and a failed save abandons the whole transaction, so EF Core's savepoint
            // around SaveChanges (two more round trips per command) would protect nothing.
            db.Database.AutoSavepointsEnabled = false;
        }

        var response = await next(message, cancellationToken);
        auditTrail.RecordDomainEvents();
        await db.SaveChangesAsync(cancellationToken);

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            afterCommit.Run();
        }

        return response;
    }
}
