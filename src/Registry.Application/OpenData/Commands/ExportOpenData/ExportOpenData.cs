using Mediator;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.OpenData.Commands.ExportOpenData;

/// <summary>
/// Writes today's (Casablanca) open-data snapshot and drops those older than <see cref="RetentionDays"/> days.
/// A request, not a command: the unit-of-work transaction must not wrap a long streaming export, and a
/// re-run the same day replaces that day's files and metadata, so it is safe to repeat.
/// </summary>
public sealed record ExportOpenData : IRequest<OpenDataExported>
{
    public const int RetentionDays = 7;
}

internal sealed class ExportOpenDataHandler(IOpenDataExporter exporter, TimeProvider clock) : IRequestHandler<ExportOpenData, OpenDataExported>
{
    public async ValueTask<OpenDataExported> Handle(ExportOpenData command, CancellationToken cancellationToken)
    {
        var today = LegalCalendar.Today(clock);
        return await exporter.ExportAsync(today, clock.GetUtcNow(), today.AddDays(1 - ExportOpenData.RetentionDays), cancellationToken);
    }
}
