using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Applications.Commands.RequestChanges;

public sealed class RequestChangesValidator : AbstractValidator<RequestChanges>
{
    public RequestChangesValidator() => RuleFor(x => x.Comments).Explanation(4000, "Indiquez ce qui doit changer.", "اذكر ما يجب تغييره.");
}
