using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Applications.Commands.ApproveApplication;

/// <summary>An approval needs no reason; one that is given follows a rejection's rules: it says something, within 2,000 characters.</summary>
public sealed class ApproveApplicationValidator : AbstractValidator<ApproveApplication>
{
    public ApproveApplicationValidator() =>
        RuleFor(x => x.Reason)
            .Explanation(2000, "Le motif d'une approbation est facultatif, mais s'il est donné il ne peut pas être vide.",
                "تعليل الموافقة اختياري، لكنه إذا قُدِّم لا يمكن أن يكون فارغاً.")
            .When(x => x.Reason is not null);
}
