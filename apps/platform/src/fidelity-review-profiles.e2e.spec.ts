import { TestPlatform, describeEachProfile } from './testing/profiles';

/** The team view records reviews itself: in the distributed profile, in its own database's event store. */
describeEachProfile('a fidelity review', (start) => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await start();
  });
  afterAll(() => harness.stop());

  it('is opened, scored by a named reviewer and read back through the same routes', async () => {
    const supervisor = { Authorization: `Bearer ${await harness.token({ sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' })}` };
    const opened = await harness.http
      .post('/team-view/fidelity/reviews')
      .set(supervisor)
      .send({ from: '2026-01-01', to: '2026-03-01', reviewers: ['sup-1'] })
      .expect(201);
    const at = `/team-view/fidelity/reviews/${opened.body.reviewId}`;
    await harness.http.put(`${at}/items/O7`).set(supervisor).send({ score: 4, note: 'the agency talks about work first' }).expect(200);
    const { body } = await harness.http.get(at).set(supervisor).expect(200);
    expect(body.items.find((item: { item: string }) => item.item === 'O7')).toMatchObject({ score: 4, source: 'reviewer', scoredBy: 'sup-1' });
    expect(body).toMatchObject({ status: 'open', total: null });
    const { body: list } = await harness.http.get('/team-view/fidelity/reviews').set(supervisor).expect(200);
    expect(list.reviews.map((review: { reviewId: string }) => review.reviewId)).toEqual([opened.body.reviewId]);
  });
});
