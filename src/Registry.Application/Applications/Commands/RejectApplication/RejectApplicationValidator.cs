using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Applications.Commands.RejectApplication;

public sealed class RejectApplicationValidator : AbstractValidator<RejectApplication>
{
    public RejectApplicationValidator() => RuleFor(x => x.Reason).Explanation(2000, "Un rejet doit être motivé.", "يجب تعليل الرفض.");
}
