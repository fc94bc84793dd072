using FluentValidation;

namespace Registry.Application.Applications.Commands.UpdateApplication;

public sealed class UpdateApplicationValidator : AbstractValidator<UpdateApplication>
{
    public UpdateApplicationValidator(TimeProvider clock) => RuleFor(x => x.Input).NotNull().SetValidator(new ApplicationInputValidator(clock));
}
