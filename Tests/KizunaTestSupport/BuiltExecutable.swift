import Foundation

/// The executables the package builds, found beside the test bundle in the build folder.
public enum BuiltExecutable {
    /// The executable `name` (`kizuna`, `kizunad`, `kizuna-systemd-probe`).
    public static func url(named name: String) -> URL {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path),
            folder.pathComponents.count > 1
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent(name)
    }
}
