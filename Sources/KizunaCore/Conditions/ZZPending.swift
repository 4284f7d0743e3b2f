struct CustomerFacts { var customer: Customer; var today: CivilDate? }
extension Condition { func evaluate(in facts: CustomerFacts) -> Bool? { nil } }
public enum ConfigurationLoader { public static func load(path: String) throws(DiagnosticList) -> Configuration { fatalError() } }
public enum PlaybookLoader {
  public static func load(file: String, text: String) throws(DiagnosticList) -> Playbook { fatalError() }
  public static func loadDirectory(_ path: String) -> (playbooks: [Playbook], diagnostics: [Diagnostic]) { fatalError() }
}
extension PlaybookLoader { public static func load(paths: [String]) -> (playbooks: [Playbook], diagnostics: [Diagnostic]) { fatalError() } }
