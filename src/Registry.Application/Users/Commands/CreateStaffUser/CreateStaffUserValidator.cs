using FluentValidation;
using Registry.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Users.Commands.CreateStaffUser;

public sealed class CreateStaffUserValidator : AbstractValidator<CreateStaffUser>
{
    public CreateStaffUserValidator(IRegistryDbContext db)
    {
        RuleFor(x => x.Email).NotEmpty().Email();
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
        RuleFor(x => x.Role).Must(r => Roles.Staff.Contains(r)).WithMessage(
            $"Un compte du personnel a l'un des rôles {string.Join(", ", Roles.Staff)}.", $"لحساب الموظفين أحد الأدوار {string.Join("، ", Roles.Staff)}.");
        RuleFor(x => x.RegionCodes).NotEmpty().When(x => x.Role == Roles.RegionalOfficial)
            .WithMessage("Un agent régional couvre au moins une région.", "يغطي الموظف الجهوي جهة واحدة على الأقل.");
        RuleFor(x => x.RegionCodes).Empty().When(x => x.Role != Roles.RegionalOfficial)
            .WithMessage("Seuls les agents régionaux couvrent des régions.", "وحدهم الموظفون الجهويون يغطون الجهات.");
        RuleForEach(x => x.RegionCodes).NotNull().Matches("^[0-9]{2}$").WithMessage("Une région est désignée par son code HCP à 2 chiffres.", "يشار إلى الجهة برمزها لدى المندوبية السامية للتخطيط المكون من رقمين.");
        RuleFor(x => x.RegionCodes).MustAsync(async (codes, ct) =>
                codes is null || codes.Count == 0
                || await db.Regions.CountAsync(r => codes.Contains(r.Code), ct) == codes.Distinct().Count())
            .When(x => x.RegionCodes is { Count: <= 12 } codes && codes.All(c => c is { Length: 2 } && c.All(char.IsAsciiDigit)))
            .WithMessage("Chaque région est l'un des 12 codes de région du HCP.", "كل جهة هي أحد رموز الجهات الاثني عشر للمندوبية السامية للتخطيط.");
        RuleFor(x => x.RegionCodes).Must(c => c is null || c.Count <= 12).WithMessage("Il y a 12 régions.", "هناك 12 جهة.");
    }
}
