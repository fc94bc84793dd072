using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Applications.Commands.RejectApplication;

public sealed class RejectApplicationValidator : AbstractValidator<RejectApplication>
{
    public RejectApplicationValidator() => RuleFor(x => x.Reason).NotEmpty().Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Un rejet doit être motivé.", "يجب تعليل الرفض.").Text(2000, multiline: true);
}
