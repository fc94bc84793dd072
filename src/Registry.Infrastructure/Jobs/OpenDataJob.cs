using Hangfire;
using Mediator;
using Registry.Application.OpenData.Commands.ExportOpenData;

namespace Registry.Infrastructure.Jobs;

/// <summary>The nightly open-data snapshot. Safe to run twice: a re-run the same day replaces that day's files and rows.</summary>
public sealed class OpenDataJob(ISender sender)
{
    public const string RecurringId = "open-data:export";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new ExportOpenData(), cancellationToken);
}
