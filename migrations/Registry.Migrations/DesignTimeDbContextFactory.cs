using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Registry.Infrastructure.Persistence;

namespace Registry.Migrations;

/// <summary>Lets `dotnet ef` build the model without starting the API. No database is contacted to add a migration.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RegistryDbContext>
{
    public RegistryDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Registry")
            ?? "Host=127.0.0.1;Port=5433;Database=registry;Username=registry";
        var options = new DbContextOptionsBuilder<RegistryDbContext>()
            .UseNpgsql(RegistryConnection.Settings(connectionString).ConnectionString, npgsql => npgsql
                .MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name)
                .MigrationsHistoryTable("__EFMigrationsHistory", RegistryConnection.HistorySchema))
            .UseSnakeCaseNamingConvention()
            .Options;
        return new RegistryDbContext(options);
    }
}
