using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Application.Applications;
using Registry.Application.Applications.Commands.ApproveApplication;
using Registry.Application.Applications.Commands.CreateApplication;
using Registry.Application.Applications.Commands.SubmitApplication;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Documents.Commands.AttachDocument;
using Registry.Application.NameReservations.Commands.ReserveName;
using Registry.Domain.Legal;
using Registry.Domain.Applications;
using Registry.Domain.Reference;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Seeding;

/// <summary>
/// At start-up: the first administrator from configuration (<c>Registry:BootstrapAdmin</c>), and, in
/// Development only, the demo accounts and a few demo organisations made through the real workflow.
/// </summary>
internal sealed partial class BootstrapSeeder(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<BootstrapSeeder> logger)
    : IHostedService
{
    public const string DemoPassword = "Registry-Demo-2026!";

    /// <summary>
    /// The authenticator key of the Development demo officials and administrator (base32; documented in the README so a
    /// newcomer can compute a code: <c>dotnet run --project src/Registry.Cli -- totp KEY</c>). Never seeded elsewhere.
    /// </summary>
    public const string DemoAuthenticatorKey = "REGISTRYDEMOTWOFACTORKEYMOROCCOA";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (configuration["Registry:BootstrapAdmin:Email"] is { Length: > 0 } email
                && configuration["Registry:BootstrapAdmin:Password"] is { Length: > 0 } password)
            {
                await EnsureUserAsync(users, email, password, Roles.Administrator, []);
            }

            if (environment.IsDevelopment() && configuration.GetValue("Registry:SeedDemoData", false))
            {
                await SeedDemoAsync(scope.ServiceProvider, users, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException or DbUpdateException
            or Domain.Common.RuleViolationException or FluentValidation.ValidationException)
        {
            // The service still starts; readiness reports the database. Nothing personal is logged.
            LogSeedFailed(logger, exception.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<ApplicationUser> EnsureUserAsync(UserManager<ApplicationUser> users, string email, string password, string? role, string[] regions)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            return user;
        }

        user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, RegionCodes = regions };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Seeding an account failed: " + string.Join(", ", created.Errors.Select(e => e.Code)));
        }

        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    private static async Task SeedDemoAsync(IServiceProvider provider, UserManager<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var admin = await EnsureUserAsync(users, "admin@registry.local", DemoPassword, Roles.Administrator, []);
        var casablanca = await EnsureUserAsync(users, "official.casablanca@registry.local", DemoPassword, Roles.RegionalOfficial, ["06"]);
        var souss = await EnsureUserAsync(users, "official.souss@registry.local", DemoPassword, Roles.RegionalOfficial, ["09"]);
        foreach (var staff in (ApplicationUser[])[admin, casablanca, souss])
        {
            await EnsureDemoTwoFactorAsync(provider, users, staff, cancellationToken);
        }
        await EnsureUserAsync(users, "analyst@registry.local", DemoPassword, Roles.MinistryAnalyst, []);
        var applicant = await EnsureUserAsync(users, "applicant@registry.local", DemoPassword, null, []);

        var db = provider.GetRequiredService<RegistryDbContext>();
        if (await db.Applications.AnyAsync(cancellationToken))
        {
            return;
        }

        (ApplicationInput Input, ApplicationUser? Approver)[] demos =
        [
            (Demo(LegalForm.COOP, "تعاونية الأمل للأركان", "Coopérative Al Amal pour l'argan", "ARGANE", "001", "Douar Tamri, Agadir"), souss),
            (Demo(LegalForm.ASSO, "جمعية النور للتنمية", "Association Annour pour le développement", "DEVELOPPEMENT_LOCAL", "141", "12 rue Ibn Battouta, Casablanca"), casablanca),
            (Demo(LegalForm.COOP, "تعاونية سوس للنسيج", "Coopérative Souss Tissage", "ARTISANAT", "273", "Inezgane centre"), souss),
            (Demo(LegalForm.COOP, "تعاونية الشاوية الفلاحية", "Coopérative agricole Chaouia", "AGRI", "461", "Route de Settat km 3"), null),
        ];

        var acting = provider.GetRequiredService<ActingPrincipal>();
        var sender = provider.GetRequiredService<ISender>();
        foreach (var (input, approver) in demos)
        {
            // Through the real workflow: reservation, draft, documents, submission, approval.
            acting.Principal = ActingPrincipal.For(applicant.Id, Roles.Applicant);
            if (input.LegalForm is LegalForm.COOP or LegalForm.UNION)
            {
                await sender.Send(new ReserveName(input.LegalForm, input.NameAr, input.NameLatin), cancellationToken);
            }

            var created = await sender.Send(new CreateApplication(input), cancellationToken);
            foreach (var kind in RuleBook.For(input.LegalForm, LegalCalendar.Today(provider.GetRequiredService<TimeProvider>())).RequiredDocuments)
            {
                await sender.Send(new AttachDocument(created.Id, kind, $"{kind}.pdf", DemoPdf), cancellationToken);
            }

            await sender.Send(new SubmitApplication(created.Id), cancellationToken);
            if (approver is not null)
            {
                acting.Principal = ActingPrincipal.For(approver.Id, Roles.RegionalOfficial, approver.RegionCodes);
                await sender.Send(new ApproveApplication(created.Id), cancellationToken);
            }
        }

        acting.Principal = null;
    }

    /// <summary>
    /// Officials and administrators must sign in with a second factor (issue 7): the demo ones get it already on, with the
    /// documented key, so <c>./run.sh</c> still lets a newcomer in. Set through the store, as Identity's own
    /// ResetAuthenticatorKeyAsync would with a random key.
    /// </summary>
    private static async Task EnsureDemoTwoFactorAsync(IServiceProvider provider, UserManager<ApplicationUser> users, ApplicationUser user, CancellationToken cancellationToken)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return;
        }

        if (provider.GetRequiredService<IUserStore<ApplicationUser>>() is not IUserAuthenticatorKeyStore<ApplicationUser> keys)
        {
            throw new InvalidOperationException("The user store keeps no authenticator keys.");
        }

        await keys.SetAuthenticatorKeyAsync(user, DemoAuthenticatorKey, cancellationToken);
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded)
        {
            throw new InvalidOperationException("Enabling a demo account's two-factor authentication failed: " + string.Join(", ", enabled.Errors.Select(e => e.Code)));
        }
    }

    private static readonly byte[] DemoPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private static ApplicationInput Demo(LegalForm form, string nameAr, string nameLatin, string sector, string province, string address) => new(
        form, nameAr, nameLatin, sector, address, province, new DateOnly(2025, 3, 1), "12-31", null, null,
        [
            new MemberInput(MemberKind.NaturalPerson, "فاطمة الزهراء", "Fatima Zahra", "JB123456", new DateOnly(1985, 4, 2), Gender.Female, "MA", "Agadir", null, null, 10, 10),
            new MemberInput(MemberKind.NaturalPerson, "أمينة", "Amina", "JB223456", new DateOnly(1990, 6, 12), Gender.Female, "MA", "Agadir", null, null, 10, 5),
            new MemberInput(MemberKind.NaturalPerson, "يوسف", "Youssef", "J323456", new DateOnly(1979, 1, 20), Gender.Male, "MA", "Agadir", null, null, 10, 10),
            new MemberInput(MemberKind.NaturalPerson, "خديجة", "Khadija", "JC423456", new DateOnly(1995, 9, 5), Gender.Female, "MA", "Agadir", null, null, 10, 3),
            new MemberInput(MemberKind.NaturalPerson, "محمد", "Mohamed", "JC523456", new DateOnly(1988, 11, 30), Gender.Male, "MA", "Agadir", null, null, 10, 10),
        ],
        [
            new OfficerInput(form == LegalForm.COOP ? OfficerRole.Manager : OfficerRole.President, "فاطمة الزهراء", "Fatima Zahra", "JB123456",
                new DateOnly(1985, 4, 2), "MA", "Agricultrice", "Agadir", new DateOnly(2025, 3, 1), new DateOnly(2028, 3, 1)),
        ],
        ShareValue: form == LegalForm.COOP ? 100m : null);

    [LoggerMessage(Level = LogLevel.Error, Message = "Start-up seeding failed ({ExceptionType}); is the database migrated?")]
    private static partial void LogSeedFailed(ILogger logger, string exceptionType);
}
