using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Audit;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Validation;

namespace Registry.Application.Users.Commands.SetStaffRegions;

/// <summary>
/// An administrator changes the regions a regional official acts on (SPEC §1: one person may be given several).
/// The change is audited; the official's sessions with the old regions end at once (every signed-in request is checked
/// against the account's security stamp, which the change renews).
/// </summary>
public sealed record SetStaffRegions(Guid UserId, IReadOnlyList<string> RegionCodes) : ICommand<StaffUserItem>;

public sealed class SetStaffRegionsValidator : AbstractValidator<SetStaffRegions>
{
    public SetStaffRegionsValidator(IRegistryDbContext db)
    {
        RuleFor(x => x.RegionCodes).NotEmpty()
            .WithMessage("Un agent régional couvre au moins une région.", "يغطي الموظف الجهوي جهة واحدة على الأقل.");
        RuleForEach(x => x.RegionCodes).NotNull().Matches("^[0-9]{2}$")
            .WithMessage("Une région est désignée par son code HCP à 2 chiffres.", "يشار إلى الجهة برمزها لدى المندوبية السامية للتخطيط المكون من رقمين.");
        RuleFor(x => x.RegionCodes).MustAsync(async (codes, ct) => await db.Regions.CountAsync(r => codes.Contains(r.Code), ct) == codes.Distinct().Count())
            .When(x => x.RegionCodes is { Count: > 0 and <= 12 } codes && codes.All(c => c is { Length: 2 } && c.All(char.IsAsciiDigit)))
            .WithMessage("Chaque région est l'un des 12 codes de région du HCP.", "كل جهة هي أحد رموز الجهات الاثني عشر للمندوبية السامية للتخطيط.");
        RuleFor(x => x.RegionCodes).Must(c => c is null || c.Count <= 12).WithMessage("Il y a 12 régions.", "هناك 12 جهة.");
    }
}

internal sealed class SetStaffRegionsHandler(IStaffAccounts accounts, ICurrentUser currentUser, IAccessAudit audit, AuditTrail auditTrail, TimeProvider clock)
    : ICommandHandler<SetStaffRegions, StaffUserItem>
{
    public async ValueTask<StaffUserItem> Handle(SetStaffRegions command, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Administrator))
        {
            await audit.RecordRefusalAsync("staff.set-regions", null, null, "Only administrators change an official's regions.", cancellationToken);
            throw new ForbiddenException(Localized.Text(
                "Seuls les administrateurs changent les régions d'un agent régional.", "وحدهم المسؤولون يغيرون جهات الموظف الجهوي."));
        }

        var regions = command.RegionCodes.Distinct().Order(StringComparer.Ordinal).ToList();
        var changed = await accounts.SetRegionsAsync(command.UserId, regions, cancellationToken)
            ?? throw new NotFoundException(ResourceKind.RegionalOfficial, command.UserId);
        auditTrail.Record("staff.regions-changed", null, null, new { userId = command.UserId, regionCodes = regions }, clock.GetUtcNow());
        return changed;
    }
}
