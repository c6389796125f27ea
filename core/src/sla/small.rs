//! A list kept inline up to `N` entries and moved to the heap beyond: the
//! clocks' scratch lists (change points, stops, period starts) hold one to
//! three entries for almost every request, and sweeping many requests should
//! not pay an allocation for each.

/// See the module documentation.
#[derive(Debug, Clone)]
pub(crate) struct Small<T: Copy, const N: usize> {
    inline: [T; N],
    len: usize,
    heap: Vec<T>,
}

impl<T: Copy, const N: usize> Small<T, N> {
    /// An empty list; `fill` only pads the unused inline slots.
    pub(crate) fn new(fill: T) -> Self {
        Small {
            inline: [fill; N],
            len: 0,
            heap: Vec::new(),
        }
    }

    /// Appends `v`.
    pub(crate) fn push(&mut self, v: T) {
        if self.heap.is_empty() {
            if let Some(slot) = self.inline.get_mut(self.len) {
                *slot = v;
                self.len += 1;
                return;
            }
            let mut heap = Vec::with_capacity(2 * N);
            heap.extend_from_slice(self.as_slice_inline());
            self.heap = heap;
        }
        self.heap.push(v);
    }

    fn as_slice_inline(&self) -> &[T] {
        self.inline.get(..self.len).unwrap_or(&[])
    }

    /// The entries, in the order pushed.
    pub(crate) fn as_slice(&self) -> &[T] {
        if self.heap.is_empty() {
            self.as_slice_inline()
        } else {
            &self.heap
        }
    }
}

impl<T: Copy, const N: usize> std::ops::Deref for Small<T, N> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::Small;

    #[test]
    fn keeps_order_inline_and_after_spilling() {
        let mut s: Small<u32, 3> = Small::new(0);
        assert!(s.is_empty());
        for i in 1..=3 {
            s.push(i);
        }
        assert_eq!(&*s, &[1, 2, 3]);
        assert!(s.heap.is_empty());
        for i in 4..=10 {
            s.push(i);
        }
        assert_eq!(&*s, &(1..=10).collect::<Vec<_>>()[..]);
        assert_eq!(s.len(), 10);
    }
}
