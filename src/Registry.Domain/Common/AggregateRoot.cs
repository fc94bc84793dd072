namespace Registry.Domain.Common;

/// <summary>A consistency boundary. Changes are made through its methods, which raise past-tense events last.</summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public Guid Id { get; protected set; }

    /// <summary>PostgreSQL's xmin, exposed to clients as the ETag.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}

/// <summary>Something that happened to an aggregate; the unit of work turns each into an audit entry.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
