using System.Globalization;
using Mediator;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.OpenData.Queries.GetOpenDataFile;

/// <summary>An open-data file opened for download: a format's newest snapshot, or the one of a date. Public.</summary>
public sealed record GetOpenDataFile(string Format, DateOnly? SnapshotDate = null) : IQuery<OpenDataDownload>;

internal sealed class GetOpenDataFileHandler(IOpenDataCatalog catalog) : IQueryHandler<GetOpenDataFile, OpenDataDownload>
{
    public async ValueTask<OpenDataDownload> Handle(GetOpenDataFile query, CancellationToken cancellationToken)
    {
        if (!OpenDataFormats.IsKnown(query.Format))
        {
            throw new NotFoundException(ResourceKind.OpenDataFile, new Registry.Domain.Common.LocalizedText(
                $"organizations.* (formats : {string.Join(", ", OpenDataFormats.All)})", $"organizations.* (الصيغ: {string.Join("، ", OpenDataFormats.All)})"));
        }

        var date = query.SnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "latest";
        return await catalog.OpenAsync(query.Format, query.SnapshotDate, cancellationToken)
            ?? throw new NotFoundException(ResourceKind.OpenDataSnapshot, $"{date}/organizations.{query.Format}");
    }
}
