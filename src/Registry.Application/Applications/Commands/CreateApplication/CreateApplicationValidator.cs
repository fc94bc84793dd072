using FluentValidation;

namespace Registry.Application.Applications.Commands.CreateApplication;

public sealed class CreateApplicationValidator : AbstractValidator<CreateApplication>
{
    public CreateApplicationValidator() => RuleFor(x => x.Input).NotNull().SetValidator(new ApplicationInputValidator());
}
