using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Applications.Commands.RequestChanges;

public sealed class RequestChangesValidator : AbstractValidator<RequestChanges>
{
    public RequestChangesValidator() => RuleFor(x => x.Comments).NotEmpty().Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Indiquez ce qui doit changer.", "اذكر ما يجب تغييره.").Text(4000, multiline: true);
}
