using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs under stable ids, in the law's time zone. Safe from every instance.</summary>
internal sealed partial class RecurringJobsRegistrar(IRecurringJobManager jobs, IConfiguration configuration, ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            jobs.AddOrUpdate<PurgeIdempotencyKeysJob>(
                PurgeIdempotencyKeysJob.RecurringId,
                job => job.RunAsync(CancellationToken.None),
                Cron.Daily(3),
                new RecurringJobOptions { TimeZone = LegalCalendar.Morocco });
            jobs.AddOrUpdate<PurgeUsedRefreshTokensJob>(
                PurgeUsedRefreshTokensJob.RecurringId,
                job => job.RunAsync(CancellationToken.None),
                Cron.Daily(3, 30),
                new RecurringJobOptions { TimeZone = LegalCalendar.Morocco });
            jobs.AddOrUpdate<ComplianceSweepJob>(
                ComplianceSweepJob.RecurringId,
                job => job.RunAsync(CancellationToken.None),
                configuration["Registry:Compliance:Cron"] ?? "0 2 * * *",
                new RecurringJobOptions { TimeZone = LegalCalendar.Morocco });
            jobs.AddOrUpdate<DeliverNotificationsJob>(
                DeliverNotificationsJob.RecurringId,
                job => job.RunAsync(CancellationToken.None),
                configuration["Registry:Notifications:Cron"] ?? Cron.Minutely(),
                new RecurringJobOptions { TimeZone = LegalCalendar.Morocco });
            jobs.AddOrUpdate<OpenDataJob>(
                OpenDataJob.RecurringId,
                job => job.RunAsync(CancellationToken.None),
                configuration["Registry:OpenData:Cron"] ?? OpenData.OpenDataOptions.DefaultCron,
                new RecurringJobOptions { TimeZone = LegalCalendar.Morocco });
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException)
        {
            LogFailed(logger, exception.GetType().Name);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering recurring jobs failed ({ExceptionType}); is the database migrated?")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
