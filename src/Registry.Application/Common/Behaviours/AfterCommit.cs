namespace Registry.Application.Common.Behaviours;

/// <summary>
/// Work a use case wants done only once its transaction has committed (starting a background job that
/// reads what was just written). The behaviour that commits runs it; a rolled-back command runs nothing.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<Action> _actions = [];

    public void Add(Action action) => _actions.Add(action);

    internal void Run()
    {
        var actions = _actions.ToList();
        _actions.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }
}
