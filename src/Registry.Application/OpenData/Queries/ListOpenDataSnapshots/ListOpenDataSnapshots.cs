using Mediator;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.OpenData.Queries.ListOpenDataSnapshots;

/// <summary>Every kept open-data file (the last days' snapshots, CSV and JSON), newest first. Public.</summary>
public sealed record ListOpenDataSnapshots : IQuery<IReadOnlyList<OpenDataFile>>;

internal sealed class ListOpenDataSnapshotsHandler(IOpenDataCatalog catalog) : IQueryHandler<ListOpenDataSnapshots, IReadOnlyList<OpenDataFile>>
{
    public async ValueTask<IReadOnlyList<OpenDataFile>> Handle(ListOpenDataSnapshots query, CancellationToken cancellationToken) =>
        await catalog.ListAsync(cancellationToken);
}
