using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Identity;

/// <summary>Identity's tables in the <c>identity</c> schema with snake_case names, and the four roles.</summary>
internal static class IdentityModel
{
    // Fixed ids so the roles are data of a migration, the same in every environment.
    public static readonly IReadOnlyDictionary<string, Guid> RoleIds = new Dictionary<string, Guid>
    {
        [Roles.Applicant] = new("0199a000-0000-7000-8000-000000000001"),
        [Roles.RegionalOfficial] = new("0199a000-0000-7000-8000-000000000002"),
        [Roles.MinistryAnalyst] = new("0199a000-0000-7000-8000-000000000003"),
        [Roles.Administrator] = new("0199a000-0000-7000-8000-000000000004"),
    };

    public static void Configure(ModelBuilder builder)
    {
        const string schema = RegistryDbContext.IdentitySchema;
        builder.Entity<ApplicationUser>(b =>
        {
            b.ToTable("users", schema);
            b.Property(u => u.RegionCodes).HasColumnType("varchar(2)[]");
        });
        builder.Entity<IdentityRole<Guid>>(b =>
        {
            b.ToTable("roles", schema);
            b.HasData(RoleIds.Select(r => new IdentityRole<Guid>
            {
                Id = r.Value,
                Name = r.Key,
                NormalizedName = r.Key.ToUpperInvariant(),
                ConcurrencyStamp = r.Value.ToString(),
            }));
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles", schema);
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims", schema);
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins", schema);
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens", schema);
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims", schema);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys", schema);
        builder.Entity<UsedRefreshToken>(b =>
        {
            b.ToTable("used_refresh_tokens", schema);
            b.HasKey(t => t.TokenHash);
            b.Property(t => t.TokenHash).HasMaxLength(32);
            b.HasIndex(t => t.ExpiresAt);
        });
    }
}
