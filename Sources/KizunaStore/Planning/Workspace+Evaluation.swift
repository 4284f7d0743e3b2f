import KizunaCore

extension Workspace {
    /// Health, lifecycle and triggers, as a planning pass evaluates them.
    public var evaluation: CustomerEvaluation {
        CustomerEvaluation(
            playbooks: playbooks, health: health, lifecycle: lifecycle, zone: configuration.zone, calendar: configuration.calendar)
    }
}
