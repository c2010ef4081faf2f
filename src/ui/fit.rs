//! The first of several ways of drawing a screen that fits its room: a screen whose words an
//! operator may lengthen (a welcome of three lines) offers tighter versions of itself, and
//! the room decides. Nothing is ever pushed under the bottom bar or off the panel.
//!
//! Each version is measured at its own height; the first that the room holds is drawn, and
//! takes the touches, the keyboard and the tests' searches. The last is drawn when none fits.

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Operation, Tree, Widget};
use iced::advanced::{Clipboard, Shell, mouse, overlay, renderer};
use iced::{Element, Event, Length, Rectangle, Size, Vector};

/// What the room holds: `versions`, roomiest first.
pub struct FirstThatFits<'a, M, T, R> {
    versions: Vec<Element<'a, M, T, R>>,
    chosen: usize,
    /// Measured at no height inside another's version (see [`Self::giving_way`]).
    gives_way: bool,
}

impl<'a, M, T, R> FirstThatFits<'a, M, T, R> {
    pub fn new(versions: Vec<Element<'a, M, T, R>>) -> Self {
        FirstThatFits {
            versions,
            chosen: 0,
            gives_way: false,
        }
    }

    /// `content` as itself, but measured at no height when a version around it is measured:
    /// it gives way entirely to the rest (a welcome picture, which shrinks to the room the
    /// words and buttons leave).
    pub fn giving_way(content: impl Into<Element<'a, M, T, R>>) -> Self {
        FirstThatFits {
            gives_way: true,
            ..FirstThatFits::new(vec![content.into()])
        }
    }
}

impl<M, T, R> Widget<M, T, R> for FirstThatFits<'_, M, T, R>
where
    R: iced::advanced::Renderer,
{
    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Fill)
    }

    /// Each version's state twice: the one it is drawn from, and one it is measured with.
    /// Measuring lays it out at another size; doing that in the drawn state would make its
    /// words anew at each layout, and a frame drawn before (a screenshot, a redraw of the
    /// same frame) would have lost them.
    fn children(&self) -> Vec<Tree> {
        self.versions
            .iter()
            .chain(self.versions.iter())
            .map(Tree::new)
            .collect()
    }

    fn diff(&self, tree: &mut Tree) {
        let n = self.versions.len();
        if tree.children.len() != 2 * n {
            tree.children = self.children();
            return;
        }
        for (i, version) in self.versions.iter().enumerate() {
            tree.children[i].diff(version.as_widget());
            tree.children[n + i].diff(version.as_widget());
        }
    }

    fn layout(&mut self, tree: &mut Tree, renderer: &R, limits: &layout::Limits) -> layout::Node {
        // A version's own height: laid out as in a column that scrolls, where what fills
        // takes no room and nothing is squashed.
        let unbounded = layout::Limits::with_compression(
            Size::ZERO,
            Size::new(limits.max().width, f32::INFINITY),
            Size::new(false, true),
        );
        if self.gives_way && limits.max().height.is_infinite() {
            return layout::Node::new(Size::ZERO);
        }
        let room = limits.max().height + 0.5;
        let n = self.versions.len();
        let last = n.saturating_sub(1);
        self.chosen = last;
        for (i, (version, state)) in self
            .versions
            .iter_mut()
            .zip(tree.children.iter_mut().skip(n))
            .enumerate()
            .take(last)
        {
            let natural = version.as_widget_mut().layout(state, renderer, &unbounded);
            if natural.size().height <= room {
                self.chosen = i;
                break;
            }
        }
        match (
            self.versions.get_mut(self.chosen),
            tree.children.get_mut(self.chosen),
        ) {
            (Some(version), Some(state)) => {
                let node = version.as_widget_mut().layout(state, renderer, limits);
                layout::Node::with_children(node.size(), vec![node])
            }
            _ => layout::Node::new(limits.min()),
        }
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut R,
        theme: &T,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        if let (Some(version), Some(child)) =
            (self.versions.get(self.chosen), layout.children().next())
        {
            version.as_widget().draw(
                &tree.children[self.chosen],
                renderer,
                theme,
                style,
                child,
                cursor,
                viewport,
            );
        }
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &R,
        operation: &mut dyn Operation,
    ) {
        if let (Some(version), Some(child)) =
            (self.versions.get_mut(self.chosen), layout.children().next())
        {
            version.as_widget_mut().operate(
                &mut tree.children[self.chosen],
                child,
                renderer,
                operation,
            );
        }
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &R,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        if let (Some(version), Some(child)) =
            (self.versions.get_mut(self.chosen), layout.children().next())
        {
            version.as_widget_mut().update(
                &mut tree.children[self.chosen],
                event,
                child,
                cursor,
                renderer,
                clipboard,
                shell,
                viewport,
            );
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &R,
    ) -> mouse::Interaction {
        match (self.versions.get(self.chosen), layout.children().next()) {
            (Some(version), Some(child)) => version.as_widget().mouse_interaction(
                &tree.children[self.chosen],
                child,
                cursor,
                viewport,
                renderer,
            ),
            _ => mouse::Interaction::None,
        }
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &R,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, T, R>> {
        let chosen = self.chosen;
        let child = layout.children().next()?;
        self.versions.get_mut(chosen)?.as_widget_mut().overlay(
            &mut tree.children[chosen],
            child,
            renderer,
            viewport,
            translation,
        )
    }
}

impl<'a, M: 'a, T: 'a, R> From<FirstThatFits<'a, M, T, R>> for Element<'a, M, T, R>
where
    R: iced::advanced::Renderer + 'a,
{
    fn from(fit: FirstThatFits<'a, M, T, R>) -> Self {
        Element::new(fit)
    }
}
