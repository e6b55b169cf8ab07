import BinderyModel

/// The flat block list nested into divisions by heading level (pandoc's `makeSections`).
public struct Section: Sendable, Hashable {
    /// nil for the document root and for content before the first heading.
    public var heading: Heading?
    /// Blocks that follow the heading, before the first subsection.
    public var content: [Block]
    public var children: [Section]

    public init(heading: Heading?, content: [Block] = [], children: [Section] = []) {
        self.heading = heading
        self.content = content
        self.children = children
    }

    /// Nests `blocks`: a heading opens a section that lasts until the next heading of the same or a higher level.
    public static func nest(_ blocks: [Block]) -> Section {
        var stack: [Section] = [Section(heading: nil)]
        func closeTop() {
            let closed = stack.removeLast()
            stack[stack.count - 1].children.append(closed)
        }
        for block in blocks {
            if case .heading(let heading) = block {
                while stack.count > 1, let open = stack.last?.heading, open.level >= heading.level { closeTop() }
                stack.append(Section(heading: heading))
            } else {
                let top = stack.count - 1
                if stack[top].children.isEmpty {
                    stack[top].content.append(block)
                } else {
                    // Blocks after a subsection at the same depth cannot go back into the parent: carry them in an untitled section.
                    if stack[top].children.last?.heading == nil {
                        stack[top].children[stack[top].children.count - 1].content.append(block)
                    } else {
                        stack[top].children.append(Section(heading: nil, content: [block]))
                    }
                }
            }
        }
        while stack.count > 1 { closeTop() }
        return stack[0]
    }

    /// The level of this section's heading, or 0 for an untitled one.
    public var level: Int { heading?.level ?? 0 }
}
