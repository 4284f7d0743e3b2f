/// One firing of a `when:` play for one customer: the day its condition became true, and
/// the day it was seen false again (which re-arms the trigger).
public struct TriggerFiring: Hashable, Sendable {
    public var playbook: String
    public var customer: String
    /// The day it fired, in the play's zone for the customer: the task's occurrence.
    public var firedOn: CivilDate
    /// The first day the condition was seen false after firing; `nil` while it holds.
    public var clearedOn: CivilDate?

    public init(playbook: String, customer: String, firedOn: CivilDate, clearedOn: CivilDate? = nil) {
        self.playbook = playbook
        self.customer = customer
        self.firedOn = firedOn
        self.clearedOn = clearedOn
    }
}

/// What evaluating a trigger on one day does to its state.
public enum TriggerStep: Hashable, Sendable {
    /// Nothing changes.
    case none
    /// The trigger fires: a new occurrence on the day.
    case fire
    /// The condition cleared: the latest firing is marked cleared on the day, re-arming it.
    case clear
}

extension TriggerStep {
    /// The step of a trigger whose condition is `holds` on `today`, given its latest firing.
    ///
    /// It fires when the condition holds and the trigger is armed (it never fired, or its
    /// latest firing has cleared) and the cool-down since the latest firing has passed; a
    /// condition that turns true during the cool-down fires when the cool-down ends if it
    /// still holds. It clears when the condition is false after a firing. An unknown
    /// condition changes nothing.
    public static func evaluate(
        holds: Bool?, latest: TriggerFiring?, today: CivilDate, cooldown: CalendarSpan?, calendar: BusinessCalendar
    ) -> TriggerStep {
        switch holds {
        case true?:
            guard let latest else { return .fire }
            guard latest.clearedOn != nil, latest.firedOn < today else { return .none }
            guard let cooldown else { return .fire }
            let ends = cooldown.applied(to: LocalDateTime(date: latest.firedOn), calendar: calendar).date
            return today >= ends ? .fire : .none
        case false?:
            guard let latest, latest.clearedOn == nil else { return .none }
            return .clear
        case nil:
            return .none
        }
    }
}
