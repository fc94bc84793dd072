using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;

namespace Registry.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Registry")
            ?? throw new InvalidOperationException("The connection string 'ConnectionStrings:Registry' is not configured.");

        var dataSource = DataSource(connectionString);
        services.AddSingleton(dataSource);
        services.AddDbContextPool<RegistryDbContext>(options => ConfigureContext(options, dataSource));
        AddReadReplica(services, configuration, dataSource);
        services.AddScoped<IRegistryDbContext>(sp => sp.GetRequiredService<RegistryDbContext>());
        services.AddScoped<IRegistrationNumberAllocator, RegistrationNumberAllocator>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IAccessAudit, AccessAudit>();
        services.AddScoped<INameRegister, NameRegister>();
        services.AddScoped<IComplianceSweep, Compliance.ComplianceSweep>();
        services.Configure<OpenData.OpenDataOptions>(configuration.GetSection(OpenData.OpenDataOptions.SectionName));
        services.AddScoped<IOpenDataExporter, OpenData.OpenDataExporter>();
        services.AddScoped<IOpenDataCatalog, OpenData.OpenDataCatalog>();
        services.AddScoped<IStatisticsReader, Statistics.StatisticsReader>();
        services.AddScoped<IAuditChainVerifier, Audit.AuditChainVerifier>();
        services.AddScoped<IBackgroundJobs, Jobs.HangfireBackgroundJobs>();
        services.AddOptions<Notifications.SmtpOptions>()
            .Bind(configuration.GetSection(Notifications.SmtpOptions.SectionName))
            .Validate(Notifications.SmtpOptions.IsValid, "Registry:Smtp is invalid (Host, Port, From, positive limits).")
            .ValidateOnStart();
        services.AddScoped<INotificationDelivery, Notifications.NotificationDelivery>();
        services.Configure<NameOptions>(configuration.GetSection("Registry:Names"));
        services.AddScoped<DatabaseMigrator>();
        services.AddSingleton<TimeProvider, DatabaseTimeProvider>();

        services.AddHttpContextAccessor();
        services.AddScoped<ActingPrincipal>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IStaffAccounts, StaffAccounts>();
        services.AddScoped<Sessions>();

        services.AddIdentityApiEndpoints<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The password policy and lockout (issue 7), overridable in Registry:Identity: at least 12 characters
                // and Identity's four kinds (upper and lower case, digit, symbol); 5 failed log-ins lock an account
                // for 15 minutes, new accounts included.
                options.Password.RequiredLength = 12;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 6;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                configuration.GetSection("Registry:Identity").Bind(options);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddUserManager<RegistryUserManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddEntityFrameworkStores<RegistryDbContext>()
            .AddClaimsPrincipalFactory<RegistryClaimsPrincipalFactory>();

        // Keys in PostgreSQL: every API instance protects and reads tokens with the same key ring.
        services.AddDataProtection()
            .SetApplicationName("registry")
            .PersistKeysToDbContext<RegistryDbContext>();

        var invisibilityTimeout = configuration.GetValue("Hangfire:InvisibilityTimeout", TimeSpan.FromMinutes(5));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = DatabaseMigrator.HangfireSchema,
                    PrepareSchemaIfNecessary = false,
                    // A job whose worker dies (killed process, lost machine) is fetched again once this has passed
                    // without a heartbeat; the heartbeat slides it while a live worker runs a long job (the sweep).
                    // Hangfire.PostgreSql's default is 30 minutes of nothing happening.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = invisibilityTimeout,
                    // A distributed lock ([DisableConcurrentExecution], Hangfire's own) is a row with no heartbeat: a
                    // killed worker's stays until it is this old, when the next taker deletes it. Hangfire.PostgreSql's
                    // default, 10 minutes, outlived the invisibility timeout: the sweep taken over from a killed worker
                    // waited 60 s for its own lock, failed, and could use up its retries before the lock expired. No
                    // longer than the invisibility timeout, a job taken over from a dead worker finds its lock free.
                    // A live job holding a lock longer than this loses it; the sweep does not rely on it (its advisory
                    // lock dies with its connection), and the daily open-data and purge jobs take seconds.
                    DistributedLockTimeout = configuration.GetValue("Hangfire:DistributedLockTimeout", invisibilityTimeout),
                }));
        if (configuration.GetValue("Hangfire:ServerEnabled", true))
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", 2);
                // How often each server looks for due recurring and delayed jobs; every server may look, one enqueues.
                options.SchedulePollingInterval = configuration.GetValue("Hangfire:SchedulePollingInterval", TimeSpan.FromSeconds(15));
            });
        }

        services.AddHealthChecks().AddNpgSql(_ => dataSource, name: "postgresql", tags: ["ready"]);
        services.AddHostedService<BootstrapSeeder>();
        services.AddHostedService<Jobs.RecurringJobsRegistrar>();
        return services;
    }

    /// <summary>
    /// Search and statistics read from <c>ConnectionStrings:RegistryReadReplica</c> when it is set (a streaming
    /// replica: read-only, a moment behind), else from the primary. Everything else, and every check that guards a
    /// write, stays on the primary.
    /// </summary>
    private static void AddReadReplica(IServiceCollection services, IConfiguration configuration, NpgsqlDataSource primary)
    {
        if (configuration.GetConnectionString(ReadReplica.ConnectionStringName) is not { Length: > 0 } replicaConnectionString)
        {
            services.AddKeyedSingleton(ReadReplica.Key, primary);
            services.AddScoped<IRegistryReadDbContext>(sp => new RegistryReadDbContext(sp.GetRequiredService<RegistryDbContext>()));
            return;
        }

        var replica = DataSource(replicaConnectionString);
        services.AddKeyedSingleton(ReadReplica.Key, replica);
        var builder = new DbContextOptionsBuilder<RegistryDbContext>();
        ConfigureContext(builder, replica).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        var options = builder.Options;
        services.AddKeyedScoped(ReadReplica.Key, (_, _) => new RegistryDbContext(options));
        services.AddScoped<IRegistryReadDbContext>(sp => new RegistryReadDbContext(sp.GetRequiredKeyedService<RegistryDbContext>(ReadReplica.Key)));
        services.AddHealthChecks().AddNpgSql(_ => replica, name: "postgresql-read-replica", tags: ["replica"]);
    }

    internal static NpgsqlDataSource DataSource(string connectionString)
    {
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(RegistryConnection.Settings(connectionString).ConnectionString);
        if (!IsSet(connectionString, "MaxAutoPrepare"))
        {
            // Every approval, lookup and search sends the same few statements: prepared once per pooled connection,
            // PostgreSQL stops parsing and planning them on every call (the approvals benchmark measured half the CPU
            // per approval and twice the approvals per second). A Max Auto Prepare in the connection string (0 turns it off) wins.
            dataSourceBuilder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        return dataSourceBuilder.Build();
    }

    internal static DbContextOptionsBuilder ConfigureContext(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly("Registry.Migrations")
                .MigrationsHistoryTable("__EFMigrationsHistory", RegistryConnection.HistorySchema).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();

    /// <summary>Whether the connection string itself sets a keyword (spaces and case ignored, as Npgsql does).</summary>
    private static bool IsSet(string connectionString, string keyword) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
}
