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
        RuleFor(x => x.Email).NotEmpty().EmailAddress().Text(254);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
        RuleFor(x => x.Role).Must(r => Roles.Staff.Contains(r)).WithMessage($"A staff role is one of {string.Join(", ", Roles.Staff)}.");
        RuleFor(x => x.RegionCodes).NotEmpty().When(x => x.Role == Roles.RegionalOfficial)
            .WithMessage("A regional official holds at least one region.");
        RuleFor(x => x.RegionCodes).Empty().When(x => x.Role != Roles.RegionalOfficial)
            .WithMessage("Only regional officials hold regions.");
        RuleForEach(x => x.RegionCodes).Matches("^[0-9]{2}$").WithMessage("A region is its 2-digit HCP code.");
        RuleFor(x => x.RegionCodes).MustAsync(async (codes, ct) =>
                codes is null || codes.Count == 0
                || await db.Regions.CountAsync(r => codes.Contains(r.Code), ct) == codes.Distinct().Count())
            .When(x => x.RegionCodes is { Count: <= 12 } codes && codes.All(c => c is { Length: 2 } && c.All(char.IsAsciiDigit)))
            .WithMessage("Every region is one of the 12 HCP region codes.");
        RuleFor(x => x.RegionCodes).Must(c => c is null || c.Count <= 12).WithMessage("There are 12 regions.");
    }
}
