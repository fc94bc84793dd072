using FluentValidation;

namespace Registry.Application.Applications.Commands.CreateApplication;

public sealed class CreateApplicationValidator : AbstractValidator<CreateApplication>
{
    public CreateApplicationValidator(TimeProvider clock) => RuleFor(x => x.Input).NotNull().SetValidator(new ApplicationInputValidator(clock));
}
