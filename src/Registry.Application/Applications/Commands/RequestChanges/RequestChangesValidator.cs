using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Applications.Commands.RequestChanges;

public sealed class RequestChangesValidator : AbstractValidator<RequestChanges>
{
    public RequestChangesValidator() => RuleFor(x => x.Comments).NotEmpty().Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Say what must change.").Text(4000, multiline: true);
}
