import BinderyConversion
import BinderyWriters
import Foundation

/// The part of the configuration a job uses, swapped whole on SIGHUP.
package struct PipelineSettings: Sendable {
    package var converter: Converter
    /// Makes each job's `Converter.Source` as `bindery convert` does (`SOURCE_DATE_EPOCH` included).
    package var loader: SourceLoader
    package var formats: [OutputFormat]
    package var jobKey: JobKey
    package var queue: DaemonConfiguration.Queue
    package var prune: Bool

    package init(_ configuration: DaemonConfiguration) throws(ServiceError) {
        let templates: TemplateSet
        do {
            templates = try TemplateSet.load(overrides: configuration.templateDirectories)
        } catch {
            throw ServiceError(.configurationBadValue, "\(error)")
        }
        converter = Converter(readerOptions: configuration.reader, writerSettings: configuration.writer, templates: templates)
        formats = configuration.producedFormats
        loader = SourceLoader(maximumBytes: configuration.queue.maxSourceBytes, sourceDateEpoch: configuration.sourceDateEpoch)
        jobKey = JobKey(
            reader: configuration.reader, writer: configuration.writer, formats: formats, templates: templates,
            sourceDateEpoch: configuration.sourceDateEpoch)
        queue = configuration.queue
        prune = configuration.publish.prune
    }
}
